--liquibase formatted sql

--changeset alice:1
CREATE TABLE task (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, lock_version INT NOT NULL);
--rollback DROP TABLE task;

--changeset alice:2 dbms:h2
ALTER TABLE task ADD COLUMN only_on_h2 INT;

--changeset bob:3 endDelimiter:/
CREATE OR REPLACE FUNCTION touch_task() RETURNS trigger AS $$
BEGIN NEW.lock_version := NEW.lock_version; RETURN NEW; END; $$ LANGUAGE plpgsql
/
ALTER TABLE task RENAME COLUMN name TO title
/
