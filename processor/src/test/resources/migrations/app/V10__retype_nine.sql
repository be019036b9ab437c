-- Applied after V9 (and after V1_10, although "V10" sorts before "V1_10" as text).
ALTER TABLE nine ALTER COLUMN lock_version TYPE BIGINT;
