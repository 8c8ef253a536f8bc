-- 009-mailbox-public-years: an index for the year filter of the published
-- letters' list (modules/mailbox/public.c, public_choices), whose
-- SELECT DISTINCT YEAR(created_at) FROM mailbox_letter WHERE published = 1
-- runs on every list page.  Without it MariaDB reads the whole table, every
-- letter's row with its text, published or not (tests/load/run's
-- load-results/explain.txt: access_type ALL, 100 001 rows read for 20 000
-- published); with it, only the published letters' index entries.
ALTER TABLE mailbox_letter ADD INDEX IF NOT EXISTS mailbox_letter_public_created (published, created_at);
