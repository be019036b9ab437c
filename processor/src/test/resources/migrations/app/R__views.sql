-- A repeatable migration: applied after every versioned one. Views are not interpreted.
CREATE OR REPLACE VIEW post_titles AS SELECT id, title FROM post;
