-- 012-prereview: the service guide (办事指南) and online pre-review of
-- applications (网上预审), modules/prereview/ and doc/prereview.md.
--
-- A service item (事项) says what a service needs: its conditions, its
-- materials, its steps and limits.  An item that offers pre-review takes
-- applications: the applicant sends one file a material; the item's
-- departments (one, or several reviewing in parallel: 并联审批) each give
-- a verdict per material and then a decision; everything missing from all
-- of them goes to the applicant in one notice (一次性告知), the clock
-- pausing until the corrected materials come back.

-- Themes: life events for persons (生育收养, 就业创业 …) and enterprise
-- themes (开办企业, 工程建设 …), by which the guide is browsed.
CREATE TABLE IF NOT EXISTS pr_theme (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(40) NOT NULL,
  audience ENUM('person', 'enterprise') NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY pr_theme_name (audience, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A service item.  Major items (主项) and sub-items (子项): a sub-item
-- names its major item in parent_id; applications are made to an item
-- with no sub-items.  code is the item's catalogue code
-- (510124000000-XK-0001: the region, the kind, the number), never reused.
-- Limits are in working days (calendar.c).  online = 1: pre-review is
-- offered.  pickup_window and licence make the pick-up notice ("您的{licence}
-- 已办理完毕，请带齐证件到{pickup_window}领取").  version counts the edits
-- (pr_item_version keeps each one).
CREATE TABLE IF NOT EXISTS pr_item (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code VARCHAR(40) CHARACTER SET ascii NOT NULL,
  parent_id INT UNSIGNED NULL,
  name VARCHAR(100) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  audience ENUM('person', 'enterprise', 'both') NOT NULL,
  theme_id INT UNSIGNED NULL,
  legal_basis TEXT NULL,
  conditions TEXT NULL,
  process TEXT NULL,
  legal_days INT NOT NULL,
  promised_days INT NOT NULL,
  fees VARCHAR(500) NULL,
  place VARCHAR(200) NULL,
  hours VARCHAR(200) NULL,
  phone VARCHAR(40) CHARACTER SET ascii NULL,
  visits TINYINT UNSIGNED NOT NULL DEFAULT 1,
  online TINYINT(1) NOT NULL DEFAULT 0,
  pickup_window VARCHAR(100) NULL,
  licence VARCHAR(60) NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  updated_at DATETIME NOT NULL,
  updated_by INT UNSIGNED NULL,
  PRIMARY KEY (id),
  UNIQUE KEY pr_item_code (code),
  KEY pr_item_parent (parent_id),
  KEY pr_item_department (department_id, active),
  KEY pr_item_theme (theme_id),
  CONSTRAINT pr_item_parent_fk FOREIGN KEY (parent_id) REFERENCES pr_item (id),
  CONSTRAINT pr_item_department_fk FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT pr_item_theme_fk FOREIGN KEY (theme_id) REFERENCES pr_theme (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The departments that review an item's applications, each with its own
-- limit in working days: the item's own department always, and for a
-- parallel review (并联审批) the others too, at most PR_MAX_REVIEWERS
-- (prereview.h) in all.
CREATE TABLE IF NOT EXISTS pr_item_department (
  item_id INT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  days INT NOT NULL,
  PRIMARY KEY (item_id, department_id),
  KEY pr_item_department_department (department_id),
  CONSTRAINT pr_item_department_item_fk FOREIGN KEY (item_id)
    REFERENCES pr_item (id) ON DELETE CASCADE,
  CONSTRAINT pr_item_department_department_fk FOREIGN KEY (department_id)
    REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The item's own extra fields of the application form (seq 1 ..
-- PR_MAX_FIELDS, the form's x1 .. x8): a label, a kind, and for a choice
-- its choices separated by "|" ("是|否").
CREATE TABLE IF NOT EXISTS pr_field (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  item_id INT UNSIGNED NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  label VARCHAR(50) NOT NULL,
  kind ENUM('text', 'multiline', 'number', 'date', 'choice') NOT NULL,
  choices VARCHAR(500) NULL,
  required TINYINT(1) NOT NULL DEFAULT 1,
  max_len INT UNSIGNED NOT NULL DEFAULT 100,
  PRIMARY KEY (id),
  UNIQUE KEY pr_field_seq (item_id, seq),
  CONSTRAINT pr_field_item_fk FOREIGN KEY (item_id)
    REFERENCES pr_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A material (申请材料), seq 1 .. PR_MAX_MATERIALS (the form's m1 ..
-- m10).  need: required, conditional (asked for only when the item's
-- field cond_field has the value cond_value; cond says so in words), or
-- optional.  template_file: a blank form to download (stored_file).
CREATE TABLE IF NOT EXISTS pr_material (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  item_id INT UNSIGNED NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  name VARCHAR(100) NOT NULL,
  form ENUM('original', 'copy', 'both') NOT NULL,
  copies TINYINT UNSIGNED NOT NULL DEFAULT 1,
  need ENUM('required', 'conditional', 'optional') NOT NULL DEFAULT 'required',
  cond VARCHAR(200) NULL,
  cond_field TINYINT UNSIGNED NULL,
  cond_value VARCHAR(50) NULL,
  note VARCHAR(500) NULL,
  template_file BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  UNIQUE KEY pr_material_seq (item_id, seq),
  CONSTRAINT pr_material_item_fk FOREIGN KEY (item_id)
    REFERENCES pr_item (id) ON DELETE CASCADE,
  CONSTRAINT pr_material_template_fk FOREIGN KEY (template_file)
    REFERENCES stored_file (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each edit of an item: who, when, which fields changed (summary), and the
-- item as it was after the edit (snapshot: its XML, as the item page's
-- ?format=xml shows it), so that any version can be shown again.
CREATE TABLE IF NOT EXISTS pr_item_version (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  item_id INT UNSIGNED NOT NULL,
  version INT UNSIGNED NOT NULL,
  staff_id INT UNSIGNED NULL,
  changed_at DATETIME NOT NULL,
  summary VARCHAR(1000) NOT NULL,
  snapshot MEDIUMTEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY pr_item_version_no (item_id, version),
  CONSTRAINT pr_item_version_item_fk FOREIGN KEY (item_id)
    REFERENCES pr_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The guide's search index (modules/core/search.c): grams of an active
-- item's name, code, conditions and materials' names.
CREATE TABLE IF NOT EXISTS pr_item_gram (
  gram VARCHAR(32) NOT NULL,
  item_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (gram, item_id),
  KEY pr_item_gram_item (item_id),
  CONSTRAINT pr_item_gram_item_fk FOREIGN KEY (item_id)
    REFERENCES pr_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An application (办件).  serial is its tracking number (办件流水号,
-- YS20261207-0001, modules/core/tracking.c), query_hash its query code's.
-- The applicant is a person (id_number: resident ID, GB 11643) or an
-- enterprise (id_number: unified social credit code, GB 32100; contact:
-- the person who applies for it).
--   state: review -> correction (one notice; the clock paused)
--          correction -> review (resubmitted: round + 1)
--          review -> passed | rejected; passed -> completed (picked up)
-- The overall due_at/warn_at are the latest of its reviews'; paused_at is
-- set while the applicant is to correct (state correction).
CREATE TABLE IF NOT EXISTS pr_application (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  serial VARCHAR(17) CHARACTER SET ascii NOT NULL,
  query_hash BINARY(32) NOT NULL,
  item_id INT UNSIGNED NOT NULL,
  item_version INT UNSIGNED NOT NULL,
  applicant_kind ENUM('person', 'enterprise') NOT NULL,
  name VARCHAR(100) NOT NULL,
  id_number VARCHAR(18) CHARACTER SET ascii NOT NULL,
  contact VARCHAR(20) NULL,
  phone VARCHAR(20) CHARACTER SET ascii NOT NULL,
  email VARCHAR(254) NULL,
  state ENUM('review', 'correction', 'passed', 'rejected', 'completed') NOT NULL DEFAULT 'review',
  round INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  resubmitted_at DATETIME NULL,
  paused_at DATETIME NULL,
  decided_at DATETIME NULL,
  completed_at DATETIME NULL,
  completed_by INT UNSIGNED NULL,
  due_at DATETIME NOT NULL,
  warn_at DATETIME NOT NULL,
  notice TEXT NULL,
  reject_reason VARCHAR(1000) NULL,
  purged_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY pr_application_serial (serial),
  KEY pr_application_item (item_id, id),
  KEY pr_application_state (state, due_at),
  KEY pr_application_created (created_at),
  CONSTRAINT pr_application_item_fk FOREIGN KEY (item_id) REFERENCES pr_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The values of the item's extra fields an application gave.
CREATE TABLE IF NOT EXISTS pr_value (
  application_id BIGINT UNSIGNED NOT NULL,
  field_id INT UNSIGNED NOT NULL,
  value VARCHAR(2000) NOT NULL,
  PRIMARY KEY (application_id, field_id),
  CONSTRAINT pr_value_application_fk FOREIGN KEY (application_id)
    REFERENCES pr_application (id) ON DELETE CASCADE,
  CONSTRAINT pr_value_field_fk FOREIGN KEY (field_id) REFERENCES pr_field (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The periods the clock stood still, waiting for the applicant (补正):
-- from the correction notice to the resubmission (ended_at NULL while
-- waiting).  Every review's due time is computed from the application's
-- created_at, the review's days and extension, and these (calendar.h's
-- struct civic_clock), by pr_clock_store() in prereview.c.
CREATE TABLE IF NOT EXISTS pr_pause (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  application_id BIGINT UNSIGNED NOT NULL,
  started_at DATETIME NOT NULL,
  ended_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY pr_pause_application (application_id, id),
  CONSTRAINT pr_pause_application_fk FOREIGN KEY (application_id)
    REFERENCES pr_application (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One department's review of an application, with its own limit
-- (pr_item_department.days when applied), extension and verdict.
--   state: waiting -> claimed -> passed | correction | rejected;
--          correction -> claimed again when the applicant resubmits
--          (the clerk who claimed it keeps it)
--   ext_state: none -> asked -> approved | refused (by the office)
CREATE TABLE IF NOT EXISTS pr_review (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  application_id BIGINT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  state ENUM('waiting', 'claimed', 'passed', 'correction', 'rejected') NOT NULL DEFAULT 'waiting',
  clerk_id INT UNSIGNED NULL,
  claimed_at DATETIME NULL,
  days INT NOT NULL,
  extension_days INT NOT NULL DEFAULT 0,
  ext_state ENUM('none', 'asked', 'approved', 'refused') NOT NULL DEFAULT 'none',
  ext_days INT NULL,
  ext_reason VARCHAR(500) NULL,
  due_at DATETIME NOT NULL,
  warn_at DATETIME NOT NULL,
  decided_at DATETIME NULL,
  decided_round INT UNSIGNED NULL,
  reason VARCHAR(1000) NULL,
  urged_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY pr_review_department (application_id, department_id),
  KEY pr_review_queue (department_id, state, due_at),
  CONSTRAINT pr_review_application_fk FOREIGN KEY (application_id)
    REFERENCES pr_application (id) ON DELETE CASCADE,
  CONSTRAINT pr_review_department_fk FOREIGN KEY (department_id)
    REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A material as sent in a round: the file (NULL when the material's
-- condition did not apply: not needed; or once `civicctl purge` removed
-- the files of a finished application, whose purged_at is then set), and
-- latest = 1 for the latest
-- upload of each material.  A replacement adds a row with the next round
-- and clears latest on the one it replaces; old files stay in the
-- history.
CREATE TABLE IF NOT EXISTS pr_upload (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  application_id BIGINT UNSIGNED NOT NULL,
  material_id INT UNSIGNED NOT NULL,
  round INT UNSIGNED NOT NULL,
  file_id BIGINT UNSIGNED NULL,
  latest TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY pr_upload_round (application_id, material_id, round),
  CONSTRAINT pr_upload_application_fk FOREIGN KEY (application_id)
    REFERENCES pr_application (id) ON DELETE CASCADE,
  CONSTRAINT pr_upload_material_fk FOREIGN KEY (material_id) REFERENCES pr_material (id),
  CONSTRAINT pr_upload_file_fk FOREIGN KEY (file_id) REFERENCES stored_file (id)
    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A reviewing department's verdict on one upload: accepted, needs
-- correction (note says what), or not needed.
CREATE TABLE IF NOT EXISTS pr_verdict (
  upload_id BIGINT UNSIGNED NOT NULL,
  review_id BIGINT UNSIGNED NOT NULL,
  verdict ENUM('accepted', 'correction', 'not_needed') NOT NULL,
  note VARCHAR(500) NULL,
  staff_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  PRIMARY KEY (upload_id, review_id),
  KEY pr_verdict_review (review_id),
  CONSTRAINT pr_verdict_upload_fk FOREIGN KEY (upload_id)
    REFERENCES pr_upload (id) ON DELETE CASCADE,
  CONSTRAINT pr_verdict_review_fk FOREIGN KEY (review_id)
    REFERENCES pr_review (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to an application, for its progress page and the
-- history of rounds: submitted, claimed, decided (passed, correction,
-- rejected, per department), notice, resubmitted, extension, urged,
-- passed, completed.  public = 1: shown to the applicant.
CREATE TABLE IF NOT EXISTS pr_event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  application_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  kind VARCHAR(20) CHARACTER SET ascii NOT NULL,
  round INT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NULL,
  staff_id INT UNSIGNED NULL,
  note VARCHAR(2000) NULL,
  public TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  KEY pr_event_application (application_id, id),
  CONSTRAINT pr_event_application_fk FOREIGN KEY (application_id)
    REFERENCES pr_application (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
