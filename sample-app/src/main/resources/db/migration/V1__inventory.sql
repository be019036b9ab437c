-- The sample's schema, applied by Flyway on H2, PostgreSQL and MariaDB alike.
--
-- Names are unquoted, lower-case snake_case: each database then finds them whatever its folding
-- (H2 folds unquoted names to upper case, PostgreSQL to lower case, MariaDB keeps them). The
-- program renders jOOQ's names unquoted too (RenderQuotedNames.NEVER, see Database.java), so the
-- queries of the generated repositories match this DDL everywhere. Quoted DDL ("product") would
-- also work on H2 and PostgreSQL, but MariaDB reads double quotes as strings unless ANSI_QUOTES
-- is set.

CREATE TABLE product (
  id            BIGINT        NOT NULL,
  name          VARCHAR(100)  NOT NULL,
  price         DECIMAL(12,2) NOT NULL,
  initial_stock INT           NOT NULL,
  stock         INT           NOT NULL,
  units_sold    INT           NOT NULL,
  price_changes INT           NOT NULL,
  discontinued  BOOLEAN       NOT NULL,
  lock_version  BIGINT        NOT NULL,
  -- No CHECK (stock >= 0) on purpose: "stock never negative" is one of the invariants the
  -- program checks and reports, so a broken run shows up in the report rather than as an error.
  CONSTRAINT product_pk PRIMARY KEY (id)
);

CREATE TABLE customer_order (
  id           VARCHAR(36)   NOT NULL,
  product_id   BIGINT        NOT NULL,
  customer     VARCHAR(100)  NOT NULL,
  quantity     INT           NOT NULL,
  unit_price   DECIMAL(12,2) NOT NULL,
  lock_version BIGINT        NOT NULL,
  CONSTRAINT customer_order_pk PRIMARY KEY (id),
  CONSTRAINT customer_order_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
);
