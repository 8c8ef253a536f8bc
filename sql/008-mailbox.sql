-- 008-mailbox: the mayor's mailbox (县长信箱), modules/mailbox/ and
-- doc/mailbox.md.
--
-- A letter's life is its state: received -> accepted -> forwarded ->
-- replied -> closed, or rejected / merged from received or accepted.
-- Every change is one conditional UPDATE ... WHERE state = ? (DESIGN.md).
-- Publication is not a state but published_at: a replied or closed letter
-- whose writer agreed is published with its public (redacted) version.

-- The categories the information office maintains.
CREATE TABLE IF NOT EXISTS mailbox_category (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(20) NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY mailbox_category_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO mailbox_category (id, name, sort) VALUES
  (1, '户籍办理', 10), (2, '医疗保障', 20), (3, '环境保护', 30), (4, '市容设施', 40),
  (5, '交通出行', 50), (6, '经济建设', 60), (7, '教育文化', 70), (8, '劳动就业', 80),
  (99, '其他', 990);

-- Why a letter may be rejected; the writer is told the reason's name and
-- the office's note (for "competence": the body to contact instead).
CREATE TABLE IF NOT EXISTS mailbox_reject_reason (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code VARCHAR(20) CHARACTER SET ascii NOT NULL,
  name VARCHAR(60) NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY mailbox_reject_reason_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO mailbox_reject_reason (id, code, name, sort) VALUES
  (1, 'duplicate', '重复来信', 10),
  (2, 'abusive', '含有辱骂、攻击等不文明内容', 20),
  (3, 'competence', '不属于本县职责范围', 30),
  (4, 'advertisement', '广告或与政务无关的内容', 40),
  (5, 'unclear', '内容不清，无法办理', 50),
  (6, 'litigation', '已进入诉讼、仲裁或行政复议程序', 60);

-- The letter.  name, mobile, email and address are personal data: never
-- on a public page.  query_hash is the BLAKE2b-256 of the query code
-- (modules/core/tracking.c).  due_at and warn_at are the letter's current
-- deadline (the office's while received or accepted, the departments'
-- latest once forwarded), from which its light is computed in SQL.
CREATE TABLE IF NOT EXISTS mailbox_letter (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  tracking_no VARCHAR(17) CHARACTER SET ascii NOT NULL,
  query_hash BINARY(32) NOT NULL,
  type ENUM('consult', 'complaint', 'suggest', 'help') NOT NULL,
  category_id INT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NULL,
  subject VARCHAR(40) NOT NULL,
  body TEXT NOT NULL,
  name VARCHAR(20) NOT NULL,
  mobile VARCHAR(11) CHARACTER SET ascii NOT NULL,
  email VARCHAR(254) NULL,
  agree_public TINYINT(1) NOT NULL DEFAULT 0,
  address VARCHAR(45) CHARACTER SET ascii NOT NULL,
  state ENUM('received', 'accepted', 'forwarded', 'replied', 'closed', 'rejected',
    'merged') NOT NULL DEFAULT 'received',
  reject_reason_id INT UNSIGNED NULL,
  reject_note VARCHAR(500) NULL,
  merged_into BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  accepted_at DATETIME NULL,
  forwarded_at DATETIME NULL,
  due_at DATETIME NULL,
  warn_at DATETIME NULL,
  reply TEXT NULL,
  reply_department_id INT UNSIGNED NULL,
  replied_at DATETIME NULL,
  reply_days INT NULL,
  public_subject VARCHAR(40) NULL,
  public_body TEXT NULL,
  public_reply TEXT NULL,
  published TINYINT(1) NOT NULL DEFAULT 0,
  published_at DATETIME NULL,
  rating TINYINT NULL,
  rating_comment VARCHAR(500) NULL,
  rated_at DATETIME NULL,
  followup TEXT NULL,
  followup_at DATETIME NULL,
  followup_reply TEXT NULL,
  followup_reply_at DATETIME NULL,
  urge_count INT NOT NULL DEFAULT 0,
  urged_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY mailbox_letter_tracking (tracking_no),
  KEY mailbox_letter_state (state, id),
  KEY mailbox_letter_due (state, due_at),
  KEY mailbox_letter_public (published, id),
  KEY mailbox_letter_public_type (published, type, id),
  KEY mailbox_letter_public_category (published, category_id, id),
  KEY mailbox_letter_public_department (published, reply_department_id, id),
  KEY mailbox_letter_created (created_at),
  -- The public list's year filter (SELECT DISTINCT YEAR(created_at) …
  -- WHERE published = 1, on every list page) reads this index only, not
  -- every letter's row (tests/load/run: 136 ms -> 9 ms at 100 000 letters).
  KEY mailbox_letter_public_created (published, created_at),
  KEY mailbox_letter_replied (replied_at),
  CONSTRAINT mailbox_letter_category_fk FOREIGN KEY (category_id)
    REFERENCES mailbox_category (id),
  CONSTRAINT mailbox_letter_department_fk FOREIGN KEY (department_id)
    REFERENCES department (id),
  CONSTRAINT mailbox_letter_reply_department_fk FOREIGN KEY (reply_department_id)
    REFERENCES department (id),
  CONSTRAINT mailbox_letter_reason_fk FOREIGN KEY (reject_reason_id)
    REFERENCES mailbox_reject_reason (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Up to three files a letter (PDF, JPEG, PNG by content, 5 MB each).
CREATE TABLE IF NOT EXISTS mailbox_attachment (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  letter_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(255) NOT NULL,
  type VARCHAR(40) CHARACTER SET ascii NOT NULL,
  size INT UNSIGNED NOT NULL,
  data MEDIUMBLOB NOT NULL,
  PRIMARY KEY (id),
  KEY mailbox_attachment_letter (letter_id),
  CONSTRAINT mailbox_attachment_letter_fk FOREIGN KEY (letter_id)
    REFERENCES mailbox_letter (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A letter forwarded to a department: its own limit and deadline, the
-- department's draft reply and its extension request.
--   state: open -> drafted -> approved, drafted -> open (sent back),
--          open|drafted -> returned (misrouted, back to the office),
--          open|drafted -> withdrawn (the office took it back)
--   ext_state: none -> asked -> approved | refused (asked again later)
CREATE TABLE IF NOT EXISTS mailbox_forward (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  letter_id BIGINT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  instruction VARCHAR(500) NULL,
  limit_days INT NOT NULL,
  extension_days INT NOT NULL DEFAULT 0,
  due_at DATETIME NOT NULL,
  warn_at DATETIME NOT NULL,
  state ENUM('open', 'drafted', 'approved', 'returned', 'withdrawn') NOT NULL DEFAULT 'open',
  draft TEXT NULL,
  drafted_by INT UNSIGNED NULL,
  drafted_at DATETIME NULL,
  sendback_note VARCHAR(500) NULL,
  return_reason VARCHAR(500) NULL,
  ext_state ENUM('none', 'asked', 'approved', 'refused') NOT NULL DEFAULT 'none',
  ext_days INT NULL,
  ext_reason VARCHAR(500) NULL,
  created_at DATETIME NOT NULL,
  created_by INT UNSIGNED NOT NULL,
  PRIMARY KEY (id),
  KEY mailbox_forward_letter (letter_id, id),
  KEY mailbox_forward_department (department_id, state, id),
  KEY mailbox_forward_created (created_at),
  KEY mailbox_forward_due (state, due_at),
  CONSTRAINT mailbox_forward_letter_fk FOREIGN KEY (letter_id)
    REFERENCES mailbox_letter (id) ON DELETE CASCADE,
  CONSTRAINT mailbox_forward_department_fk FOREIGN KEY (department_id)
    REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The letter's history.  public = 1: the writer sees it when tracking
-- (received, accepted, forwarded, replied, published, closed, rejected);
-- the rest (drafts, extensions, urges) is for staff.
CREATE TABLE IF NOT EXISTS mailbox_event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  letter_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  kind VARCHAR(20) CHARACTER SET ascii NOT NULL,
  department_id INT UNSIGNED NULL,
  staff_id INT UNSIGNED NULL,
  note VARCHAR(1000) NULL,
  public TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY mailbox_event_letter (letter_id, id),
  CONSTRAINT mailbox_event_letter_fk FOREIGN KEY (letter_id)
    REFERENCES mailbox_letter (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The search index of published letters: the character bigrams (and
-- single characters, and ASCII words) of the public subject, body and
-- reply (modules/core/ngram.c).  MariaDB's FULLTEXT cannot split Chinese;
-- this table can, and holds public text only, so a search can never find
-- a letter by what was masked.  Written at publication, deleted at
-- unpublication.
CREATE TABLE IF NOT EXISTS mailbox_gram (
  gram VARCHAR(32) NOT NULL,
  letter_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (gram, letter_id),
  KEY mailbox_gram_letter (letter_id),
  CONSTRAINT mailbox_gram_letter_fk FOREIGN KEY (letter_id)
    REFERENCES mailbox_letter (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
