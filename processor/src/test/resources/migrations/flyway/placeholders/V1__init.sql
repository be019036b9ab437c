CREATE TABLE ${flyway:defaultSchema}.note (id BIGINT PRIMARY KEY, body ${textType}, lock_version INT NOT NULL);
GRANT SELECT ON ${flyway:defaultSchema}.note TO ${reader};
