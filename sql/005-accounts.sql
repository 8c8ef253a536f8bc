-- 005-accounts: departments, staff, their sessions, and the audit log.

CREATE TABLE IF NOT EXISTS department (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code VARCHAR(32) CHARACTER SET ascii NOT NULL,
  name VARCHAR(60) NOT NULL,
  phone VARCHAR(32) CHARACTER SET ascii NULL,
  address VARCHAR(200) NULL,
  parent_id INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY department_code (code),
  KEY department_parent (parent_id),
  CONSTRAINT department_parent_fk FOREIGN KEY (parent_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A staff member has one department and one or more roles.  The password
-- is an Argon2id hash in libsodium's string form.
CREATE TABLE IF NOT EXISTS staff (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  staff_no VARCHAR(16) CHARACTER SET ascii NOT NULL,
  name VARCHAR(20) NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  roles SET('admin', 'office', 'clerk', 'supervisor') NOT NULL,
  phone VARCHAR(32) CHARACTER SET ascii NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  on_duty VARCHAR(200) NULL,
  password_hash VARCHAR(128) CHARACTER SET ascii NOT NULL,
  password_changed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY staff_no (staff_no),
  KEY staff_department (department_id),
  CONSTRAINT staff_department_fk FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sessions, by the BLAKE2b hash of their token (modules/core/session.c).
CREATE TABLE IF NOT EXISTS staff_session (
  token_hash BINARY(32) NOT NULL,
  staff_id INT UNSIGNED NOT NULL,
  address VARCHAR(45) CHARACTER SET ascii NOT NULL,
  created_at DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  PRIMARY KEY (token_hash),
  KEY staff_session_staff (staff_id),
  KEY staff_session_expires (expires_at),
  CONSTRAINT staff_session_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only, hash-chained (modules/core/audit.c).  No foreign key on
-- staff_id: the log outlives what it describes.
CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  at DATETIME NOT NULL,
  staff_id INT UNSIGNED NULL,
  address VARCHAR(45) CHARACTER SET ascii NOT NULL,
  action VARCHAR(40) CHARACTER SET ascii NOT NULL,
  object_type VARCHAR(40) CHARACTER SET ascii NULL,
  object_id VARCHAR(40) NULL,
  detail VARCHAR(1000) NULL,
  hash BINARY(32) NOT NULL,
  PRIMARY KEY (id),
  KEY audit_staff (staff_id, id),
  KEY audit_action (action, id),
  KEY audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
