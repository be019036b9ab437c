-- H2 folds unquoted names to upper case: POST, ID, LOCK_VERSION.
CREATE TABLE post (id BIGINT PRIMARY KEY, lock_version INT NOT NULL);
-- Quoted names keep their case: "Quoted" is not "quoted".
CREATE TABLE "Quoted" ("id" BIGINT PRIMARY KEY, "lock_version" INT NOT NULL);
