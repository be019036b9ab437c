-- Timestamp version columns, MySQL and MariaDB.
CREATE TABLE legacy (id BIGINT PRIMARY KEY, updated_at DATETIME NOT NULL);
CREATE TABLE modern (id BIGINT PRIMARY KEY, updated_at DATETIME(6) NOT NULL);
CREATE TABLE texted (id BIGINT PRIMARY KEY, updated_at VARCHAR(64));
