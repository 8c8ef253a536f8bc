-- 007-tracking: tracking numbers made by the application (DESIGN.md,
-- "Data"): a prefix of two capital letters per feature, the Beijing date
-- and a counter of that day, "MB20261123-0042".  Not AUTO_INCREMENT, which
-- Galera steps by the cluster size: the row of (prefix, day) is bumped in
-- the submission's own transaction, so a number is never given twice and
-- a rolled-back submission gives its number back.

CREATE TABLE IF NOT EXISTS tracking_counter (
  prefix CHAR(2) CHARACTER SET ascii NOT NULL,
  day DATE NOT NULL,
  n INT UNSIGNED NOT NULL,
  PRIMARY KEY (prefix, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
