-- The schema the processor's schema-verification tests check records against (PostgreSQL).
CREATE TABLE post (
  id BIGINT PRIMARY KEY,
  title VARCHAR(200),
  body TEXT,
  views INT NOT NULL DEFAULT 0,
  lock_version INT NOT NULL DEFAULT 0
);
-- Statements that do not shape tables are parsed but not interpreted.
CREATE INDEX post_title ON post (lower(title));
COMMENT ON TABLE post IS 'blog posts';
INSERT INTO post (id, title, views, lock_version) VALUES (1, 'hello', 0, 0);

-- The primary key as a table constraint.
CREATE TABLE account (
  id BIGINT,
  owner VARCHAR(100),
  lock_version BIGINT NOT NULL,
  CONSTRAINT account_pk PRIMARY KEY (id)
);

CREATE TABLE membership (
  org_id BIGINT NOT NULL,
  user_name VARCHAR(100) NOT NULL,
  role VARCHAR(10),
  lock_version INT NOT NULL,
  PRIMARY KEY (org_id, user_name)
);

CREATE TABLE legacy (id BIGINT PRIMARY KEY, lock_version INT);
CREATE TABLE text_version (id BIGINT PRIMARY KEY, lock_version VARCHAR(10) NOT NULL);
CREATE TABLE no_key (id BIGINT NOT NULL, lock_version INT NOT NULL);
CREATE TABLE shipment (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  status VARCHAR(3),
  weight INT,
  price VARCHAR(20),
  lock_version INT NOT NULL
);
CREATE TABLE gone (id BIGINT PRIMARY KEY, lock_version INT NOT NULL);

-- jOOQ cannot parse PL/pgSQL: it skips what the ignore comments enclose.
-- [jooq ignore start]
CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.lock_version := NEW.lock_version + 1;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- [jooq ignore stop]
