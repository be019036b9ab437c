-- The web sample's table, applied by Flyway on H2, PostgreSQL and MariaDB alike (its history is
-- kept in web_flyway_history, so the sample can share a schema with other applications).
--
-- Names are unquoted, lower-case snake_case. The generated repository quotes them ("web_product"),
-- which PostgreSQL folds to the same lower case and MariaDB keeps as written; H2 runs with
-- DATABASE_TO_LOWER=TRUE (see application.properties), so it folds unquoted names to lower case
-- too. MariaDB reads double quotes as strings, so the DDL itself stays unquoted.

CREATE TABLE web_product (
  id           BIGINT        NOT NULL,
  name         VARCHAR(100)  NOT NULL,
  price        DECIMAL(10,2) NOT NULL,
  stock        INT           NOT NULL,
  description  VARCHAR(1000) NOT NULL,
  lock_version BIGINT        NOT NULL,
  PRIMARY KEY (id)
);
