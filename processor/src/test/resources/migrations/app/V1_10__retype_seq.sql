-- Applied after V1_9 (versions compare as numbers): the table exists by then.
ALTER TABLE seq ALTER COLUMN lock_version TYPE INT;
