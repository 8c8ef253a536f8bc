-- data.sql: the phrases that tests/load/run builds its letters from, and
-- their search grams.
--
-- Every letter's public subject, body and reply are phrases of this table
-- joined by '，' (and the body ended by '。').  A phrase is either only CJK
-- characters or only one lowercase ASCII word, and punctuation separates,
-- so a letter's grams (modules/core/ngram.c: each pair of adjacent CJK
-- characters, each CJK character, each ASCII word) are exactly the union of
-- its phrases' grams: bench_phrase_gram, computed here once with SUBSTRING
-- over a sequence.  run then writes mailbox_gram with one INSERT … SELECT
-- instead of indexing letter by letter, and checks the result against
-- `civicctl reindex` on the smallest data set.

CREATE TABLE bench_word (part CHAR(1) NOT NULL, n INT NOT NULL, txt VARCHAR(20) NOT NULL,
  PRIMARY KEY (part, n)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- Places (a), matters (b): a phrase is a place and a matter, 16 × 16 of them;
-- then phrases that stand alone (c) and ASCII words (w).
INSERT INTO bench_word VALUES
 ('a',0,'城关镇'),('a',1,'东街'),('a',2,'人民路'),('a',3,'新华小区'),('a',4,'滨河公园'),
 ('a',5,'县医院'),('a',6,'第二中学'),('a',7,'农贸市场'),('a',8,'工业园区'),('a',9,'汽车站'),
 ('a',10,'文化广场'),('a',11,'西湖村'),('a',12,'南环路'),('a',13,'幸福里'),('a',14,'北门桥'),
 ('a',15,'开发区'),
 ('b',0,'路灯不亮'),('b',1,'噪音扰民'),('b',2,'污水横流'),('b',3,'停车难'),('b',4,'垃圾清运不及时'),
 ('b',5,'道路破损'),('b',6,'供暖不足'),('b',7,'自来水浑浊'),('b',8,'油烟污染'),('b',9,'违章搭建'),
 ('b',10,'公交线路调整'),('b',11,'医保报销慢'),('b',12,'入学登记'),('b',13,'户口迁移'),
 ('b',14,'拖欠工资'),('b',15,'绿化带被毁'),
 ('c',0,'希望有关部门尽快处理'),('c',1,'多次反映未果'),('c',2,'影响居民正常生活'),
 ('c',3,'恳请领导重视'),('c',4,'经现场核实'),('c',5,'已责成相关单位整改'),
 ('c',6,'感谢您对我县工作的关心'),('c',7,'问题已于本周解决'),('c',8,'将纳入明年计划'),
 ('c',9,'请保持电话畅通'),('c',10,'依据有关规定办理'),('c',11,'群众反映强烈'),
 ('w',0,'wifi'),('w',1,'app'),('w',2,'12345'),('w',3,'5g');

CREATE TABLE bench_phrase (pid INT NOT NULL PRIMARY KEY, txt VARCHAR(40) NOT NULL)
  DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO bench_phrase SELECT a.n * 16 + b.n, CONCAT(a.txt, b.txt)
  FROM bench_word a JOIN bench_word b ON a.part = 'a' AND b.part = 'b';
INSERT INTO bench_phrase SELECT 256 + n, txt FROM bench_word WHERE part = 'c';
INSERT INTO bench_phrase SELECT 268 + n, txt FROM bench_word WHERE part = 'w';

CREATE TABLE bench_phrase_gram (pid INT NOT NULL, gram VARCHAR(32) NOT NULL,
  PRIMARY KEY (pid, gram)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- CJK phrases: their pairs and their characters.
INSERT IGNORE INTO bench_phrase_gram SELECT p.pid, SUBSTRING(p.txt, s.seq, 2)
  FROM bench_phrase p JOIN seq_1_to_40 s ON s.seq < CHAR_LENGTH(p.txt) WHERE p.pid < 268;
INSERT IGNORE INTO bench_phrase_gram SELECT p.pid, SUBSTRING(p.txt, s.seq, 1)
  FROM bench_phrase p JOIN seq_1_to_40 s ON s.seq <= CHAR_LENGTH(p.txt) WHERE p.pid < 268;
-- ASCII words: the word.
INSERT IGNORE INTO bench_phrase_gram SELECT pid, txt FROM bench_phrase WHERE pid >= 268;

-- Which phrase fills slot k of a letter: phrase (id * mul + k * 37) mod 272.
-- Subject: 2 phrases; body: 8; reply: 4.
CREATE TABLE bench_slot (k INT NOT NULL PRIMARY KEY, part CHAR(1) NOT NULL, mul INT NOT NULL);
INSERT INTO bench_slot VALUES (0,'s',7),(1,'s',11),
 (2,'b',13),(3,'b',17),(4,'b',19),(5,'b',23),(6,'b',29),(7,'b',31),(8,'b',41),(9,'b',43),
 (10,'r',47),(11,'r',53),(12,'r',59),(13,'r',61);

CREATE TABLE bench_insert (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body TEXT NOT NULL, created_at DATETIME NOT NULL) DEFAULT CHARSET=utf8mb4;

INSERT IGNORE INTO department (id, code, name) VALUES (501, 'b-wsj', '县卫生健康局'),
  (502, 'b-zjj', '县住房和城乡建设局'), (503, 'b-hbj', '县生态环境局'),
  (504, 'b-jtj', '县交通运输局'), (505, 'b-jyj', '县教育局'), (506, 'b-rsj', '县人力资源和社会保障局');
