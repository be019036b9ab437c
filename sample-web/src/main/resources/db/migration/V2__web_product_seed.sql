-- A few products to edit, each at version 0.
INSERT INTO web_product (id, name, price, stock, description, lock_version)
VALUES (1, 'Desk lamp', 19.90, 12, 'Adjustable arm, warm white LED.', 0);
INSERT INTO web_product (id, name, price, stock, description, lock_version)
VALUES (2, 'Notebook', 4.50, 140, 'A5, dotted, 120 pages.', 0);
INSERT INTO web_product (id, name, price, stock, description, lock_version)
VALUES (3, 'Fountain pen', 32.00, 8, 'Steel nib, blue ink cartridge included.', 0);
