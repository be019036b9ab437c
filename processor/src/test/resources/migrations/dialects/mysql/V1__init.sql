CREATE TABLE `queue` (`id` BIGINT NOT NULL PRIMARY KEY, `created_on` DATETIME, `label` VARCHAR(10), `lock_version` INT NOT NULL) ENGINE=InnoDB;
INSERT INTO queue (id, label, lock_version) VALUES (1, 'a', 0);
DELIMITER $$
CREATE TRIGGER queue_touch BEFORE UPDATE ON queue FOR EACH ROW BEGIN SET NEW.created_on = NOW(); END$$
DELIMITER ;
