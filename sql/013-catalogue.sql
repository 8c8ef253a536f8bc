-- 013-catalogue: the public-information disclosure catalogue (政务信息公开目录),
-- modules/catalogue/ and doc/catalogue.md.
--
-- "Disclosure is the rule, non-disclosure the exception": every department
-- (an issuing body) publishes its documents as entries of one catalogue.
-- An entry sits on a leaf of the catalogue tree and on a theme; it gets
-- its index number (索引号) when first published, and keeps it for ever.
-- What the public may see of an entry is decided in one place,
-- CAT_LISTED and CAT_REACHABLE in modules/catalogue/catalogue.h: an
-- entry whose disclosure is 'none' (不予公开) is never on a public page,
-- in a feed, the sitemap or the search index; it is only counted.

-- The file store's types grow by the documents' (Word and Excel, whose
-- Office Open XML names are up to 71 characters long).
ALTER TABLE stored_file MODIFY type VARCHAR(100) CHARACTER SET ascii NOT NULL;

-- An issuing body: a department that publishes, with its organisation
-- code (组织机构代码, nine characters: the 9th to 17th of its unified
-- social credit code), which begins every index number it gives.
CREATE TABLE IF NOT EXISTS cat_body (
  department_id INT UNSIGNED NOT NULL,
  org_code CHAR(9) CHARACTER SET ascii NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  PRIMARY KEY (department_id),
  UNIQUE KEY cat_body_code (org_code),
  CONSTRAINT cat_body_department_fk FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The catalogue tree (目录分类: 机构职能 > 领导信息, 法规文件 > 规范性文件,
-- 财政信息 > 预决算 > 部门预算 …), at most CAT_MAX_DEPTH levels, kept
-- by the office.  An entry sits on a leaf.  code is the node's place
-- ("02", "0201", "020103"), unique, given by the office.
CREATE TABLE IF NOT EXISTS cat_category (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  parent_id INT UNSIGNED NULL,
  depth TINYINT UNSIGNED NOT NULL,
  code VARCHAR(16) CHARACTER SET ascii NOT NULL,
  name VARCHAR(60) NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY cat_category_code (code),
  KEY cat_category_parent (parent_id, sort),
  CONSTRAINT cat_category_parent_fk FOREIGN KEY (parent_id) REFERENCES cat_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The tree's paths (closure table): one row (ancestor, descendant) for
-- every node and each of its ancestors, itself included (depth 0), so
-- that a node's facet count and "entries under this node" are one join,
-- whatever the depth.  Written with cat_category, in its transaction.
CREATE TABLE IF NOT EXISTS cat_category_path (
  ancestor_id INT UNSIGNED NOT NULL,
  descendant_id INT UNSIGNED NOT NULL,
  depth TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id),
  KEY cat_category_path_desc (descendant_id),
  CONSTRAINT cat_category_path_anc_fk FOREIGN KEY (ancestor_id)
    REFERENCES cat_category (id) ON DELETE CASCADE,
  CONSTRAINT cat_category_path_desc_fk FOREIGN KEY (descendant_id)
    REFERENCES cat_category (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Theme categories (主题分类), two levels (综合政务 > 政务公开), kept by
-- the office.  An entry names a theme of the second level.
CREATE TABLE IF NOT EXISTS cat_theme (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  parent_id INT UNSIGNED NULL,
  code VARCHAR(16) CHARACTER SET ascii NOT NULL,
  name VARCHAR(60) NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY cat_theme_code (code),
  KEY cat_theme_parent (parent_id, sort),
  CONSTRAINT cat_theme_parent_fk FOREIGN KEY (parent_id) REFERENCES cat_theme (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Genres (体裁): the fifteen kinds of official document of GB/T 9704 and
-- the Regulations on official documents (党政机关公文处理工作条例),
-- and the kinds a catalogue also holds (规划, 解读 …).  Fixed data: the
-- words are the standard's.
CREATE TABLE IF NOT EXISTS cat_genre (
  id INT UNSIGNED NOT NULL,
  name VARCHAR(20) NOT NULL,
  sort INT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY cat_genre_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO cat_genre (id, name, sort) VALUES
  (1, '决议', 10), (2, '决定', 20), (3, '命令（令）', 30), (4, '公报', 40),
  (5, '公告', 50), (6, '通告', 60), (7, '意见', 70), (8, '通知', 80),
  (9, '通报', 90), (10, '报告', 100), (11, '请示', 110), (12, '批复', 120),
  (13, '议案', 130), (14, '函', 140), (15, '纪要', 150), (16, '规划', 160),
  (17, '计划', 170), (18, '方案', 180), (19, '办法', 190), (20, '规定', 200),
  (21, '解读', 210), (22, '公示', 220), (23, '其他', 990);

-- An entry.
--   index_no	索引号, "<org_code>/<year>-<five digits>", given when the
--		entry is first published (year and sequence of its
--		publication, per issuing body: cat_index_seq) or by an
--		import that carries the old system's number; never changes,
--		never reused.  NULL while a draft never published.
--   body_id	the issuing body (the lead one of a joint document;
--		cat_entry_body lists the others)
--   doc_no	文号 (郫府发〔2026〕12号), optional: CIVIC_V_DOCNO
--   written_on	成文日期; published_at: the first publication
--   category_id	a leaf of cat_category; theme_id a theme of the
--		second level; genre_id a cat_genre
--   disclosure	active 主动公开 (all public), request 依申请公开 (listed:
--		its title and numbers, its text and files on request
--		only), none 不予公开 (never public, only counted)
--   validity	valid 有效, amended 已修改, repealed 已废止;
--		replaced_by the entry that amends or repeals it
--   state	draft, published, withdrawn (撤回: its page stays
--		reachable with a banner, it leaves lists, feeds and sitemap)
--   version	counts the edits (cat_entry_version keeps each)
CREATE TABLE IF NOT EXISTS cat_entry (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  index_no VARCHAR(24) CHARACTER SET ascii NULL,
  title VARCHAR(200) NOT NULL,
  doc_no VARCHAR(40) NULL,
  body_id INT UNSIGNED NOT NULL,
  written_on DATE NOT NULL,
  published_at DATETIME NULL,
  category_id INT UNSIGNED NOT NULL,
  theme_id INT UNSIGNED NOT NULL,
  genre_id INT UNSIGNED NOT NULL,
  keywords VARCHAR(200) NULL,
  summary VARCHAR(2000) NULL,
  content MEDIUMTEXT NULL,
  disclosure ENUM('active', 'request', 'none') NOT NULL DEFAULT 'active',
  validity ENUM('valid', 'amended', 'repealed') NOT NULL DEFAULT 'valid',
  replaced_by BIGINT UNSIGNED NULL,
  state ENUM('draft', 'published', 'withdrawn') NOT NULL DEFAULT 'draft',
  withdrawn_at DATETIME NULL,
  withdrawn_reason VARCHAR(500) NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY cat_entry_index_no (index_no),
  KEY cat_entry_public (state, disclosure, published_at, id),
  KEY cat_entry_body (body_id, state, published_at),
  KEY cat_entry_category (category_id, state, published_at),
  KEY cat_entry_theme (theme_id, state),
  KEY cat_entry_doc_no (doc_no),
  -- Every column a facet of the public list counts by or filters on
  -- (modules/catalogue/browse.c), after CAT_LISTED's: each count is read
  -- from this index alone, not from the entries' rows with their text.
  KEY cat_entry_facets (state, disclosure, category_id, theme_id, genre_id, body_id, validity, published_at),
  CONSTRAINT cat_entry_body_fk FOREIGN KEY (body_id) REFERENCES cat_body (department_id),
  CONSTRAINT cat_entry_category_fk FOREIGN KEY (category_id) REFERENCES cat_category (id),
  CONSTRAINT cat_entry_theme_fk FOREIGN KEY (theme_id) REFERENCES cat_theme (id),
  CONSTRAINT cat_entry_genre_fk FOREIGN KEY (genre_id) REFERENCES cat_genre (id),
  CONSTRAINT cat_entry_replaced_fk FOREIGN KEY (replaced_by) REFERENCES cat_entry (id)
    ON DELETE SET NULL,
  CONSTRAINT cat_entry_staff_fk FOREIGN KEY (created_by) REFERENCES staff (id)
    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The issuing bodies of a joint document (联合发文) besides the lead one
-- (cat_entry.body_id), in the order the document names them.
CREATE TABLE IF NOT EXISTS cat_entry_body (
  entry_id BIGINT UNSIGNED NOT NULL,
  body_id INT UNSIGNED NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  PRIMARY KEY (entry_id, body_id),
  KEY cat_entry_body_body (body_id),
  CONSTRAINT cat_entry_body_entry_fk FOREIGN KEY (entry_id)
    REFERENCES cat_entry (id) ON DELETE CASCADE,
  CONSTRAINT cat_entry_body_body_fk FOREIGN KEY (body_id) REFERENCES cat_body (department_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The next sequence number of an issuing body's index numbers in a year.
-- The publishing transaction takes its row's lock (INSERT … ON DUPLICATE
-- KEY UPDATE), so parallel publishers of one body wait for each other and
-- never share a number; a rolled-back publication may leave a gap, which
-- the standard allows.
CREATE TABLE IF NOT EXISTS cat_index_seq (
  body_id INT UNSIGNED NOT NULL,
  year SMALLINT UNSIGNED NOT NULL,
  next INT UNSIGNED NOT NULL,
  PRIMARY KEY (body_id, year),
  CONSTRAINT cat_index_seq_body_fk FOREIGN KEY (body_id) REFERENCES cat_body (department_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An entry's attachments (附件): files of the file store (011-files),
-- PDF, Word, Excel or images, in the order shown.
CREATE TABLE IF NOT EXISTS cat_attachment (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  entry_id BIGINT UNSIGNED NOT NULL,
  file_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(200) NULL,
  sort INT NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY cat_attachment_entry (entry_id, sort),
  CONSTRAINT cat_attachment_entry_fk FOREIGN KEY (entry_id)
    REFERENCES cat_entry (id) ON DELETE CASCADE,
  CONSTRAINT cat_attachment_file_fk FOREIGN KEY (file_id) REFERENCES stored_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Related entries: kind 'interprets' says entry_id (a 政策解读) reads
-- related_id (its policy), shown on both pages; 'related' is any other
-- link (相关文件), shown on entry_id's page.
CREATE TABLE IF NOT EXISTS cat_entry_link (
  entry_id BIGINT UNSIGNED NOT NULL,
  related_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('interprets', 'related') NOT NULL,
  PRIMARY KEY (entry_id, related_id),
  KEY cat_entry_link_related (related_id),
  CONSTRAINT cat_entry_link_entry_fk FOREIGN KEY (entry_id)
    REFERENCES cat_entry (id) ON DELETE CASCADE,
  CONSTRAINT cat_entry_link_related_fk FOREIGN KEY (related_id)
    REFERENCES cat_entry (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An entry's history: one row an edit, a publication, a withdrawal or a
-- change of validity: who, when, the entry's version then, which parts
-- changed (summary), and the whole entry as it then was (snapshot, the
-- entry's XML).
CREATE TABLE IF NOT EXISTS cat_entry_version (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  entry_id BIGINT UNSIGNED NOT NULL,
  version INT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NULL,
  action VARCHAR(20) CHARACTER SET ascii NOT NULL,
  changed_at DATETIME NOT NULL,
  summary VARCHAR(1000) NOT NULL,
  snapshot MEDIUMTEXT NOT NULL,
  PRIMARY KEY (id),
  KEY cat_entry_version_entry (entry_id, id),
  CONSTRAINT cat_entry_version_entry_fk FOREIGN KEY (entry_id)
    REFERENCES cat_entry (id) ON DELETE CASCADE,
  CONSTRAINT cat_entry_version_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id)
    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The search index (modules/core/search.c): grams of what the public
-- page of a listed entry shows (its title, 文号, index number, keywords,
-- summary, and the text of an entry disclosed actively), written when it
-- is published and removed when it is withdrawn.  Never of a 不予公开
-- entry.
CREATE TABLE IF NOT EXISTS cat_entry_gram (
  gram VARCHAR(32) NOT NULL,
  entry_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (gram, entry_id),
  KEY cat_entry_gram_entry (entry_id),
  CONSTRAINT cat_entry_gram_entry_fk FOREIGN KEY (entry_id)
    REFERENCES cat_entry (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
