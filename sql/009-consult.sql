-- 009-consult: online consultation with clerk assignment (政务在线咨询),
-- modules/consult/ and doc/consult.md.
--
-- A question is open until a clerk answers it (answered), and closed when
-- the clerk (or the office) closes it; a follow-up from the citizen opens
-- an answered question again.  Who has it is assigned_to: NULL while it
-- waits in its area's queue.  Every change is one conditional UPDATE
-- (DESIGN.md), so that two clerks can never both claim a question.

-- The window departments that take part, each by its own choice (listed).
CREATE TABLE IF NOT EXISTS consult_area (
  department_id INT UNSIGNED NOT NULL,
  listed TINYINT(1) NOT NULL DEFAULT 1,
  intro VARCHAR(200) NULL,
  sort INT NOT NULL DEFAULT 0,
  PRIMARY KEY (department_id),
  CONSTRAINT consult_area_department_fk FOREIGN KEY (department_id)
    REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A clerk's duty: state 'on' or 'away' as the clerk set it on state_day
-- (that day only; on other days the duty hours of staff.on_duty decide).
-- last_assigned_at breaks ties between clerks with as many open questions:
-- the one idle longest gets the next.
CREATE TABLE IF NOT EXISTS consult_duty (
  staff_id INT UNSIGNED NOT NULL,
  state ENUM('on', 'away') NULL,
  state_day DATE NULL,
  last_assigned_at DATETIME(6) NULL,
  PRIMARY KEY (staff_id),
  CONSTRAINT consult_duty_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The question.  name and phone are personal data: never on a public page.
-- query_hash: BLAKE2b-256 of the query code (modules/core/tracking.c).
-- area_id: the area that has it now (a transfer moves it); asked_area_id:
-- the one the citizen chose.  dispatch_department_id: a department the
-- clerk dispatched it to, whose clerks see it too.  first_due_at: the
-- first response is due (consult.first_minutes working minutes, or the
-- off-hours promise); due_at: the answer is due (consult.answer_days).
-- offhours: asked when no clerk of the area was on duty; promise_at is
-- then the time the citizen was promised a call or SMS by.
CREATE TABLE IF NOT EXISTS consult_question (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  tracking_no VARCHAR(17) CHARACTER SET ascii NOT NULL,
  query_hash BINARY(32) NOT NULL,
  asked_area_id INT UNSIGNED NOT NULL,
  area_id INT UNSIGNED NOT NULL,
  dispatch_department_id INT UNSIGNED NULL,
  subject VARCHAR(40) NOT NULL,
  body TEXT NOT NULL,
  name VARCHAR(20) NULL,
  phone VARCHAR(20) CHARACTER SET ascii NOT NULL,
  address VARCHAR(45) CHARACTER SET ascii NOT NULL,
  state ENUM('open', 'answered', 'closed') NOT NULL DEFAULT 'open',
  assigned_to INT UNSIGNED NULL,
  asked_at DATETIME NOT NULL,
  assigned_at DATETIME NULL,
  first_response_at DATETIME NULL,
  answered_at DATETIME NULL,
  closed_at DATETIME NULL,
  first_due_at DATETIME NOT NULL,
  due_at DATETIME NOT NULL,
  warn_at DATETIME NOT NULL,
  offhours TINYINT(1) NOT NULL DEFAULT 0,
  promise_at DATETIME NULL,
  rating_overall TINYINT UNSIGNED NULL,
  rating_speed TINYINT UNSIGNED NULL,
  rating_accuracy TINYINT UNSIGNED NULL,
  rating_comment VARCHAR(500) NULL,
  rated_at DATETIME NULL,
  published TINYINT(1) NOT NULL DEFAULT 0,
  public_subject VARCHAR(40) NULL,
  public_body TEXT NULL,
  public_answer TEXT NULL,
  published_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY consult_question_tracking (tracking_no),
  KEY consult_question_queue (area_id, state, assigned_to),
  KEY consult_question_assigned (assigned_to, state),
  KEY consult_question_dispatch (dispatch_department_id, state),
  KEY consult_question_public (published, id),
  KEY consult_question_asked (asked_at),
  CONSTRAINT consult_question_area_fk FOREIGN KEY (area_id) REFERENCES department (id),
  CONSTRAINT consult_question_asked_area_fk FOREIGN KEY (asked_area_id)
    REFERENCES department (id),
  CONSTRAINT consult_question_dispatch_fk FOREIGN KEY (dispatch_department_id)
    REFERENCES department (id),
  CONSTRAINT consult_question_staff_fk FOREIGN KEY (assigned_to) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The thread.  The citizen sees only question, followup, answer and
-- phone (a call's summary); note is internal, and the other kinds record
-- what staff did (claim, assign, transfer, dispatch, close, publish),
-- with the department moved to in department_id.
CREATE TABLE IF NOT EXISTS consult_message (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  question_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('question', 'followup', 'answer', 'phone', 'note', 'claim', 'assign',
    'transfer', 'dispatch', 'close', 'publish', 'unpublish') NOT NULL,
  staff_id INT UNSIGNED NULL,
  department_id INT UNSIGNED NULL,
  body TEXT NULL,
  at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY consult_message_question (question_id, id),
  CONSTRAINT consult_message_question_fk FOREIGN KEY (question_id)
    REFERENCES consult_question (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Canned answers, kept per department by its clerks.
CREATE TABLE IF NOT EXISTS consult_canned (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  department_id INT UNSIGNED NOT NULL,
  title VARCHAR(40) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (id),
  KEY consult_canned_department (department_id, title),
  CONSTRAINT consult_canned_department_fk FOREIGN KEY (department_id)
    REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The search index of published answers (modules/core/search.c), from the
-- public version only.
CREATE TABLE IF NOT EXISTS consult_gram (
  gram VARCHAR(32) NOT NULL,
  question_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (gram, question_id),
  KEY consult_gram_question (question_id),
  CONSTRAINT consult_gram_question_fk FOREIGN KEY (question_id)
    REFERENCES consult_question (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
