-- Timestamp version columns, PostgreSQL.
CREATE TABLE event (id BIGINT PRIMARY KEY, updated_at TIMESTAMPTZ NOT NULL);
CREATE TABLE texted (id BIGINT PRIMARY KEY, updated_at VARCHAR(64));
