-- 010-evaluate: evaluation (网上评议 / 好差评), modules/evaluate/ and
-- doc/evaluate.md.
--
-- Every rating of every feature is a row of eval_rating, written by one
-- function (eval_rating_record, modules/evaluate/rating.c), whichever
-- program takes it: a handled letter, question or application (one a case,
-- by the signed link its page and its notification carry), a clerk by
-- staff number, and a department in an evaluation campaign (one a phone
-- number, verified by an SMS code).  The national 好差评 scale: 5 非常满意,
-- 4 满意, 3 基本满意 (these three are 好评), 2 不满意, 1 非常不满意 (差评).
--
-- A 差评 opens a rectification case (eval_case): return visit, then
-- rectify or appeal; an appeal the office upholds excludes the rating from
-- every figure (excluded = 1), with the reason and who decided.

-- Why a 差评 was given: one is required with levels 1 and 2.
CREATE TABLE IF NOT EXISTS eval_reason (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code VARCHAR(20) CHARACTER SET ascii NOT NULL,
  name VARCHAR(60) NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY eval_reason_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO eval_reason (id, code, name, sort) VALUES
  (1, 'slow', '办理超时或拖延', 10),
  (2, 'attitude', '服务态度不好', 20),
  (3, 'unclear', '答复或指引不清楚、不准确', 30),
  (4, 'runs', '要求反复提交材料或多次跑腿', 40),
  (5, 'unsolved', '问题没有解决', 50),
  (6, 'other', '其他', 990);

-- An evaluation campaign (the county's annual 网上评议): open from starts_on
-- to ends_on inclusive (Beijing dates), for the departments listed in
-- eval_campaign_department, with the questions of eval_campaign_question
-- asked beside the overall level.
CREATE TABLE IF NOT EXISTS eval_campaign (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  title VARCHAR(60) NOT NULL,
  intro TEXT NULL,
  starts_on DATE NOT NULL,
  ends_on DATE NOT NULL,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY eval_campaign_dates (starts_on, ends_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS eval_campaign_department (
  campaign_id INT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (campaign_id, department_id),
  CONSTRAINT eval_campaign_department_campaign_fk FOREIGN KEY (campaign_id)
    REFERENCES eval_campaign (id) ON DELETE CASCADE,
  CONSTRAINT eval_campaign_department_department_fk FOREIGN KEY (department_id)
    REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS eval_campaign_question (
  campaign_id INT UNSIGNED NOT NULL,
  no TINYINT UNSIGNED NOT NULL,
  text VARCHAR(100) NOT NULL,
  PRIMARY KEY (campaign_id, no),
  CONSTRAINT eval_campaign_question_campaign_fk FOREIGN KEY (campaign_id)
    REFERENCES eval_campaign (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A rating.  once_key makes it the only one of its kind: "letter:42:handled"
-- for a case's stage, "clerk:7:HASH:2026-11-23" for a clerk by one phone on
-- one day, "campaign:3:HASH" for a campaign by one phone (HASH: the keyed
-- hash of the phone number, eval_phone_hash).  level is the overall
-- satisfaction; the indicators asked of the kind are filled, the others
-- NULL.  phone and address are personal data: never on a public page;
-- phone is kept to tell the rater the outcome of a 差评 and is purged
-- with the case.
CREATE TABLE IF NOT EXISTS eval_rating (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  kind ENUM('letter', 'question', 'application', 'clerk', 'item', 'campaign') NOT NULL,
  once_key VARCHAR(120) CHARACTER SET ascii NOT NULL,
  case_id BIGINT UNSIGNED NULL,
  case_no VARCHAR(17) CHARACTER SET ascii NULL,
  stage VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT 'handled',
  department_id INT UNSIGNED NULL,
  staff_id INT UNSIGNED NULL,
  item_code VARCHAR(40) CHARACTER SET ascii NULL,
  campaign_id INT UNSIGNED NULL,
  level TINYINT UNSIGNED NOT NULL,
  efficiency TINYINT UNSIGNED NULL,
  accuracy TINYINT UNSIGNED NULL,
  convenience TINYINT UNSIGNED NULL,
  attitude TINYINT UNSIGNED NULL,
  professionalism TINYINT UNSIGNED NULL,
  reason_id INT UNSIGNED NULL,
  comment VARCHAR(500) NULL,
  phone VARCHAR(20) CHARACTER SET ascii NULL,
  address VARCHAR(45) CHARACTER SET ascii NOT NULL DEFAULT '',
  rated_at DATETIME NOT NULL,
  excluded TINYINT(1) NOT NULL DEFAULT 0,
  excluded_at DATETIME NULL,
  excluded_by INT UNSIGNED NULL,
  excluded_reason VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY eval_rating_once (once_key),
  KEY eval_rating_case (kind, case_id),
  KEY eval_rating_department (department_id, rated_at),
  KEY eval_rating_staff (staff_id, rated_at),
  KEY eval_rating_item (item_code, rated_at),
  KEY eval_rating_campaign (campaign_id, department_id),
  KEY eval_rating_rated (rated_at),
  CONSTRAINT eval_rating_department_fk FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT eval_rating_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT eval_rating_campaign_fk FOREIGN KEY (campaign_id) REFERENCES eval_campaign (id),
  CONSTRAINT eval_rating_reason_fk FOREIGN KEY (reason_id) REFERENCES eval_reason (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A campaign's questions, answered per rating.
CREATE TABLE IF NOT EXISTS eval_answer (
  rating_id BIGINT UNSIGNED NOT NULL,
  question_no TINYINT UNSIGNED NOT NULL,
  level TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (rating_id, question_no),
  CONSTRAINT eval_answer_rating_fk FOREIGN KEY (rating_id) REFERENCES eval_rating (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A rectification case (差评整改), one a 差评:
--   visit -> rectify -> rectified
--                    -> appeal -> excluded (the office upholds it)
--                              -> rectify (the office turns it down)
-- visit_due_at: the return visit is due (evaluate.visit_days working days
-- after the rating); rectify_due_at: the rectification (evaluate.rectify_days
-- after the visit).  due_at and warn_at are the current ones, from which
-- the light is computed in SQL as everywhere; closed_at ends it, on_time
-- says whether by its due time.  public_summary is what the department
-- publishes of its rectification (masked again before it is shown).
CREATE TABLE IF NOT EXISTS eval_case (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  rating_id BIGINT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  state ENUM('visit', 'rectify', 'appeal', 'rectified', 'excluded') NOT NULL DEFAULT 'visit',
  opened_at DATETIME NOT NULL,
  visit_due_at DATETIME NOT NULL,
  visited_at DATETIME NULL,
  visited_by INT UNSIGNED NULL,
  visit_note VARCHAR(1000) NULL,
  rectify_due_at DATETIME NULL,
  rectified_at DATETIME NULL,
  rectified_by INT UNSIGNED NULL,
  rectify_note VARCHAR(1000) NULL,
  public_summary VARCHAR(500) NULL,
  appealed_at DATETIME NULL,
  appealed_by INT UNSIGNED NULL,
  appeal_reason VARCHAR(1000) NULL,
  decided_at DATETIME NULL,
  decided_by INT UNSIGNED NULL,
  decision_note VARCHAR(500) NULL,
  due_at DATETIME NOT NULL,
  warn_at DATETIME NOT NULL,
  closed_at DATETIME NULL,
  on_time TINYINT(1) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY eval_case_rating (rating_id),
  KEY eval_case_department (department_id, state),
  KEY eval_case_due (state, due_at),
  KEY eval_case_closed (closed_at),
  CONSTRAINT eval_case_rating_fk FOREIGN KEY (rating_id) REFERENCES eval_rating (id),
  CONSTRAINT eval_case_department_fk FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- SMS codes proving a phone number (campaigns, clerks): the keyed hashes of
-- the number and of the code, for purpose ("campaign:3", "clerk:7"); a
-- code lives evaluate.code_minutes and allows EVAL_CODE_TRIES attempts.
CREATE TABLE IF NOT EXISTS eval_verify (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  phone_hash BINARY(32) NOT NULL,
  purpose VARCHAR(40) CHARACTER SET ascii NOT NULL,
  code_hash BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  attempts TINYINT UNSIGNED NOT NULL DEFAULT 0,
  used_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY eval_verify_phone (phone_hash, purpose, id),
  KEY eval_verify_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The mailbox's and the consultation's ratings, which they kept in their
-- own columns before this feature, move here (no rectification case is
-- opened for them: they were given before there was a loop to run).
INSERT IGNORE INTO eval_rating (kind, once_key, case_id, case_no, stage, department_id,
    level, comment, phone, address, rated_at)
  SELECT 'letter', CONCAT('letter:', id, ':handled'), id, tracking_no, 'handled',
    reply_department_id, rating, rating_comment, mobile, address, COALESCE(rated_at, NOW())
  FROM mailbox_letter WHERE rating IS NOT NULL;
INSERT IGNORE INTO eval_rating (kind, once_key, case_id, case_no, stage, department_id,
    staff_id, level, efficiency, accuracy, comment, phone, address, rated_at)
  SELECT 'question', CONCAT('question:', id, ':handled'), id, tracking_no, 'handled',
    area_id, assigned_to, rating_overall, rating_speed, rating_accuracy, rating_comment,
    phone, address, rated_at
  FROM consult_question WHERE rated_at IS NOT NULL AND rating_overall IS NOT NULL;
ALTER TABLE mailbox_letter DROP COLUMN IF EXISTS rating,
  DROP COLUMN IF EXISTS rating_comment, DROP COLUMN IF EXISTS rated_at;
ALTER TABLE consult_question DROP COLUMN IF EXISTS rating_overall,
  DROP COLUMN IF EXISTS rating_speed, DROP COLUMN IF EXISTS rating_accuracy,
  DROP COLUMN IF EXISTS rating_comment, DROP COLUMN IF EXISTS rated_at;
