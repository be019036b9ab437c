ALTER TABLE guacamole_connection ADD COLUMN lock_version integer NOT NULL DEFAULT 0;
