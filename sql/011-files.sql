-- 011-files: uploaded files kept in the database in bounded chunks
-- (modules/core/filestore.c), so that any worker on any host can serve
-- them and a backup of the database is a backup of the files.  A file is
-- one row of stored_file and its bytes are rows of stored_chunk of at most
-- CIVIC_FILE_CHUNK bytes each (modules/core/limits.h): no statement moves
-- more than a chunk, whatever max_allowed_packet a server has, and a file
-- of any allowed size is written and read in the same small steps.  The
-- feature that owns a file keeps its id (pre-review's materials, the
-- catalogue's attachments); deleting the stored_file row deletes its chunks.

CREATE TABLE IF NOT EXISTS stored_file (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  type VARCHAR(40) CHARACTER SET ascii NOT NULL,
  size INT UNSIGNED NOT NULL,
  sha256 BINARY(32) NOT NULL,
  chunks INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS stored_chunk (
  file_id BIGINT UNSIGNED NOT NULL,
  seq INT UNSIGNED NOT NULL,
  data MEDIUMBLOB NOT NULL,
  PRIMARY KEY (file_id, seq),
  CONSTRAINT stored_chunk_file_fk FOREIGN KEY (file_id)
    REFERENCES stored_file (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
