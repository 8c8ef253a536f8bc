-- 001-core: what libcivic itself keeps in the database.

-- Idempotency keys of state-changing forms, with the answer each got
-- (modules/core/idem.c).  Rows older than a day can be deleted by retention.
CREATE TABLE IF NOT EXISTS idempotency (
  idem_key VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  program VARCHAR(32) CHARACTER SET ascii NOT NULL,
  location VARCHAR(1024) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (idem_key),
  KEY idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Anonymous rate-limit counters: hits of an action by a client address
-- in a fixed window (slot = unix time / window length).
CREATE TABLE IF NOT EXISTS rate_limit (
  action VARCHAR(32) CHARACTER SET ascii NOT NULL,
  client VARCHAR(45) CHARACTER SET ascii NOT NULL,
  slot BIGINT NOT NULL,
  hits INT UNSIGNED NOT NULL,
  PRIMARY KEY (action, client, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
