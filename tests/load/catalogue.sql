-- catalogue.sql: what tests/load/run builds the catalogue's entries from,
-- after data.sql (its phrases and slots) and
-- tests/integration/catalogue-fixture.sql (three issuing bodies, the
-- catalogue tree, the themes; entries 1-15).
--
-- An entry's title, summary and text are phrases of bench_phrase chosen by
-- its id as a letter's subject, body and reply are (bench_slot), and its
-- index number is ORG_CODE/YEAR-NNNNN.  What `civicctl reindex catalogue`
-- indexes (modules/catalogue/catalogue.c: the title, 文号, index number,
-- keywords, summary and the text of an entry disclosed actively, joined by
-- spaces) is then the phrases' grams and the index number's three ASCII
-- words; run writes them by INSERT … SELECT and checks them against
-- `civicctl reindex catalogue` on the first entries.
--
-- The choices an entry is given, numbered from 0 so that id mod count
-- picks one: the leaves of the catalogue tree, the themes of the second
-- level, the genres, the issuing bodies.
CREATE TABLE bench_cat_leaf (n INT NOT NULL PRIMARY KEY, id INT UNSIGNED NOT NULL);
INSERT INTO bench_cat_leaf SELECT ROW_NUMBER() OVER (ORDER BY c.id) - 1, c.id
  FROM cat_category c WHERE NOT EXISTS (SELECT 1 FROM cat_category k WHERE k.parent_id = c.id);
CREATE TABLE bench_cat_theme (n INT NOT NULL PRIMARY KEY, id INT UNSIGNED NOT NULL);
INSERT INTO bench_cat_theme SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id
  FROM cat_theme WHERE parent_id IS NOT NULL;
CREATE TABLE bench_cat_genre (n INT NOT NULL PRIMARY KEY, id INT UNSIGNED NOT NULL);
INSERT INTO bench_cat_genre SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM cat_genre;
CREATE TABLE bench_cat_body (n INT NOT NULL PRIMARY KEY, id INT UNSIGNED NOT NULL,
  org_code VARCHAR(9) CHARACTER SET ascii NOT NULL);
INSERT INTO bench_cat_body SELECT ROW_NUMBER() OVER (ORDER BY department_id) - 1,
  department_id, org_code FROM cat_body;

-- The service guide's items (sql/demo-prereview.sql) name departments 1-6,
-- which the demonstration loads with its letters (sql/demo-mailbox.sql):
-- the same rows, without the letters.
INSERT IGNORE INTO department (id, code, name, phone, address) VALUES
  (1, 'office', '县政府办公室', '0571-88000000', '县府路1号'),
  (2, 'gongan', '县公安局', '0571-88000110', '平安路8号'),
  (3, 'yibao', '县医疗保障局', '0571-88000120', '健康路20号'),
  (4, 'huanbao', '县生态环境分局', '0571-88000130', '绿水路6号'),
  (5, 'zhujian', '县住房和城乡建设局', '0571-88000140', '建设路15号'),
  (6, 'jiaotong', '县交通运输局', '0571-88000150', '通达路3号');
