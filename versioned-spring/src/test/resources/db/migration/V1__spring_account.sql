create table "spring_account" (
  "id" bigint primary key,
  "owner" varchar(100),
  "balance" bigint not null,
  "lock_version" bigint not null
);
