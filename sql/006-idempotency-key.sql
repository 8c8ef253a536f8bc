-- 006-idempotency-key: an idempotency key belongs to one program.  With the
-- key alone as the primary key, a key replayed to another program met a
-- row its lookup (by program and key) could not see.  Running this twice
-- drops and makes the same key again.
ALTER TABLE idempotency DROP PRIMARY KEY, ADD PRIMARY KEY (program, idem_key);
