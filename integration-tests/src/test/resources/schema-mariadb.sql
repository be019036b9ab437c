-- MariaDB: back-quoted lower-case names, InnoDB; DATETIME(6) keeps microseconds. There is no
-- TIMESTAMP WITH TIME ZONE type, and jOOQ binds OffsetDateTime and Instant as text with an offset
-- ("2024-02-29 12:30:15+02:00"), which DATETIME refuses: they live in VARCHAR columns.
CREATE TABLE `post` (
  `id` BIGINT PRIMARY KEY,
  `title` VARCHAR(200),
  `views` INT NOT NULL,
  `lock_version` INT NOT NULL
) ENGINE = InnoDB;
CREATE TABLE `account` (
  `id` BIGINT AUTO_INCREMENT PRIMARY KEY,
  `owner` VARCHAR(100),
  `balance` DECIMAL(19, 2),
  `logins` BIGINT,
  `version` BIGINT
) ENGINE = InnoDB;
CREATE TABLE `membership` (
  `org_id` BIGINT NOT NULL,
  `user_name` VARCHAR(100) NOT NULL,
  `role` VARCHAR(50),
  `lock_version` INT NOT NULL,
  PRIMARY KEY (`org_id`, `user_name`)
) ENGINE = InnoDB;
CREATE TABLE `order` (
  `id` BIGINT PRIMARY KEY,
  `group` VARCHAR(50),
  `user` VARCHAR(50),
  `unit price` DECIMAL(19, 4),
  `lock_version` INT NOT NULL
) ENGINE = InnoDB;
CREATE TABLE `everything` (
  `id` BIGINT PRIMARY KEY,
  `text` VARCHAR(200),
  `flag` BOOLEAN NOT NULL,
  `flag_box` BOOLEAN,
  `small` SMALLINT NOT NULL,
  `small_box` SMALLINT,
  `number` INT NOT NULL,
  `number_box` INT,
  `big` BIGINT NOT NULL,
  `big_box` BIGINT,
  `real` FLOAT NOT NULL,
  `real_box` FLOAT,
  `dbl` DOUBLE NOT NULL,
  `dbl_box` DOUBLE,
  `decimal` DECIMAL(30, 10),
  `integer` DECIMAL(40, 0),
  `bytes` VARBINARY(1000),
  `uuid` UUID,
  `date` DATE,
  `time` TIME,
  `date_time` DATETIME(6),
  `offset_date_time` VARCHAR(64),
  `instant` VARCHAR(64),
  `color` VARCHAR(10),
  `price` BIGINT,
  `lock_version` BIGINT NOT NULL
) ENGINE = InnoDB;
CREATE TABLE `purchase` (
  `id` BIGINT PRIMARY KEY,
  `customer` VARCHAR(100),
  `lock_version` INT NOT NULL
) ENGINE = InnoDB;
CREATE TABLE `purchase_line` (
  `id` BIGINT PRIMARY KEY,
  `purchase_id` BIGINT,
  `product` VARCHAR(100),
  `quantity` INT NOT NULL,
  `lock_version` INT NOT NULL,
  FOREIGN KEY (`purchase_id`) REFERENCES `purchase` (`id`)
) ENGINE = InnoDB;

-- Timestamp versions. DATETIME keeps 0 fractional digits unless declared DATETIME(n), n <= 6; Instant and
-- OffsetDateTime, which jOOQ binds as text here, live in VARCHAR columns.
CREATE TABLE `stamp` (
  `id` BIGINT PRIMARY KEY,
  `title` VARCHAR(200),
  `hits` INT NOT NULL,
  `updated_at` VARCHAR(64)
) ENGINE = InnoDB;

CREATE TABLE `local_stamp` (
  `id` BIGINT PRIMARY KEY,
  `title` VARCHAR(200),
  `updated_at` DATETIME(6) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE `offset_stamp` (
  `id` BIGINT AUTO_INCREMENT PRIMARY KEY,
  `title` VARCHAR(200),
  `changed` VARCHAR(64)
) ENGINE = InnoDB;

-- What each database keeps of a timestamp, as declared by default and at its finest.
CREATE TABLE `timestamp_probe` (
  `id` BIGINT PRIMARY KEY,
  `plain` DATETIME,
  `fine` DATETIME(6)
) ENGINE = InnoDB;

-- @Touch with timestamp versions: a timestamp-versioned child of an integer-versioned parent, and an
-- integer-versioned child of a timestamp-versioned parent.
CREATE TABLE `stamped_line` (
  `id` BIGINT PRIMARY KEY,
  `purchase_id` BIGINT,
  `product` VARCHAR(100),
  `quantity` INT NOT NULL,
  `updated_at` VARCHAR(64),
  FOREIGN KEY (`purchase_id`) REFERENCES `purchase` (`id`)
) ENGINE = InnoDB;
CREATE TABLE `shipment` (
  `id` BIGINT PRIMARY KEY,
  `carrier` VARCHAR(100),
  `updated_at` VARCHAR(64)
) ENGINE = InnoDB;
CREATE TABLE `parcel` (
  `id` BIGINT PRIMARY KEY,
  `shipment_id` BIGINT,
  `label` VARCHAR(100),
  `weight` INT NOT NULL,
  `lock_version` INT NOT NULL,
  FOREIGN KEY (`shipment_id`) REFERENCES `shipment` (`id`)
) ENGINE = InnoDB;
