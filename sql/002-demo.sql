-- 002-demo: the demonstration program's notes (modules/demo/).
-- Personal data (name, mobile, e-mail, ID number) is stored for staff and
-- never shown on a public page.
CREATE TABLE IF NOT EXISTS demo_note (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  title VARCHAR(40) NOT NULL,
  category VARCHAR(8) NOT NULL,
  body TEXT NOT NULL,
  name VARCHAR(20) NOT NULL,
  mobile CHAR(11) CHARACTER SET ascii NOT NULL,
  email VARCHAR(254) CHARACTER SET ascii NULL,
  idcard CHAR(18) CHARACTER SET ascii NULL,
  visit_date DATE NULL,
  file_name VARCHAR(255) NULL,
  file_type VARCHAR(32) CHARACTER SET ascii NULL,
  file_data MEDIUMBLOB NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
