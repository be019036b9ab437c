-- SQLite: INTEGER PRIMARY KEY is the rowid, so a key left NULL is generated. Exact decimals live
-- in TEXT columns: NUMERIC affinity would turn 10.00 into the integer 10, or round a 30-digit
-- number to a double.
CREATE TABLE "post" (
  "id" INTEGER PRIMARY KEY,
  "title" VARCHAR(200),
  "views" INT NOT NULL,
  "lock_version" INT NOT NULL
);
CREATE TABLE "account" (
  "id" INTEGER PRIMARY KEY,
  "owner" VARCHAR(100),
  "balance" TEXT,
  "logins" BIGINT,
  "version" BIGINT
);
CREATE TABLE "membership" (
  "org_id" BIGINT NOT NULL,
  "user_name" VARCHAR(100) NOT NULL,
  "role" VARCHAR(50),
  "lock_version" INT NOT NULL,
  PRIMARY KEY ("org_id", "user_name")
);
CREATE TABLE "order" (
  "id" INTEGER PRIMARY KEY,
  "group" VARCHAR(50),
  "user" VARCHAR(50),
  "unit price" TEXT,
  "lock_version" INT NOT NULL
);
CREATE TABLE "everything" (
  "id" INTEGER PRIMARY KEY,
  "text" VARCHAR(200),
  "flag" BOOLEAN NOT NULL,
  "flag_box" BOOLEAN,
  "small" SMALLINT NOT NULL,
  "small_box" SMALLINT,
  "number" INT NOT NULL,
  "number_box" INT,
  "big" BIGINT NOT NULL,
  "big_box" BIGINT,
  "real" REAL NOT NULL,
  "real_box" REAL,
  "dbl" DOUBLE NOT NULL,
  "dbl_box" DOUBLE,
  "decimal" TEXT,
  "integer" TEXT,
  "bytes" BLOB,
  "uuid" TEXT,
  "date" TEXT,
  "time" TEXT,
  "date_time" TEXT,
  "offset_date_time" TEXT,
  "instant" TEXT,
  "color" VARCHAR(10),
  "price" BIGINT,
  "lock_version" BIGINT NOT NULL
);
CREATE TABLE "purchase" (
  "id" INTEGER PRIMARY KEY,
  "customer" VARCHAR(100),
  "lock_version" INT NOT NULL
);
CREATE TABLE "purchase_line" (
  "id" INTEGER PRIMARY KEY,
  "purchase_id" BIGINT REFERENCES "purchase" ("id"),
  "product" VARCHAR(100),
  "quantity" INT NOT NULL,
  "lock_version" INT NOT NULL
);

-- Timestamp versions. timestamps are stored as text, with every digit jOOQ writes.
CREATE TABLE "stamp" (
  "id" INTEGER PRIMARY KEY,
  "title" VARCHAR(200),
  "hits" INT NOT NULL,
  "updated_at" TEXT
);

CREATE TABLE "local_stamp" (
  "id" BIGINT PRIMARY KEY,
  "title" VARCHAR(200),
  "updated_at" TEXT NOT NULL
);

CREATE TABLE "offset_stamp" (
  "id" INTEGER PRIMARY KEY,
  "title" VARCHAR(200),
  "changed" TEXT
);

-- What each database keeps of a timestamp, as declared by default and at its finest.
CREATE TABLE "timestamp_probe" (
  "id" BIGINT PRIMARY KEY,
  "plain" TEXT,
  "fine" TEXT
);

-- @Touch with timestamp versions: a timestamp-versioned child of an integer-versioned parent, and an
-- integer-versioned child of a timestamp-versioned parent.
CREATE TABLE "stamped_line" (
  "id" INTEGER PRIMARY KEY,
  "purchase_id" BIGINT REFERENCES "purchase" ("id"),
  "product" VARCHAR(100),
  "quantity" INT NOT NULL,
  "updated_at" TEXT
);
CREATE TABLE "shipment" (
  "id" INTEGER PRIMARY KEY,
  "carrier" VARCHAR(100),
  "updated_at" TEXT
);
CREATE TABLE "parcel" (
  "id" INTEGER PRIMARY KEY,
  "shipment_id" BIGINT REFERENCES "shipment" ("id"),
  "label" VARCHAR(100),
  "weight" INT NOT NULL,
  "lock_version" INT NOT NULL
);
