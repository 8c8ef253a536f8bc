-- 004-notify: the notification outbox (modules/core/notify.c).
--
-- A feature writes a row inside the transaction of the change it reports;
-- `civicctl notify` claims due rows with a conditional UPDATE (status and,
-- once claimed, claimed_by), sends them and records the outcome.  params
-- holds "name=value" lines (UTF-8, no line ends in a value).  recipient and
-- params are personal data: staff pages may show them, public pages never.
CREATE TABLE IF NOT EXISTS notify_outbox (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel ENUM('sms','email') CHARACTER SET ascii NOT NULL,
  recipient VARCHAR(254) CHARACTER SET ascii NOT NULL,
  template VARCHAR(64) CHARACTER SET ascii NOT NULL,
  lang VARCHAR(16) CHARACTER SET ascii NOT NULL,
  params TEXT NOT NULL,
  status ENUM('pending','sending','sent','failed') CHARACTER SET ascii NOT NULL DEFAULT 'pending',
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  claimed_by VARCHAR(64) CHARACTER SET ascii NULL,
  claimed_at DATETIME NULL,
  last_error VARCHAR(255) NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY notify_outbox_due (status, next_attempt_at),
  KEY notify_outbox_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
