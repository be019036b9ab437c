CREATE OR REPLACE VIEW doc_titles AS SELECT id, title, body FROM doc;
