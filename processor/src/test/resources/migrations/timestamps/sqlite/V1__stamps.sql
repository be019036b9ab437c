-- Timestamp version columns, SQLite.
CREATE TABLE local_event (id BIGINT PRIMARY KEY, updated_at TEXT NOT NULL);
