-- A batch's dedup rows are written by one multi-row INSERT ... ON DUPLICATE KEY UPDATE, whose affected-row
-- count says how many rows were there already but not which: each such row is stamped with the batch's
-- random number, and only a batch that met duplicates reads them back by it (JdbcConsumedMessages).
-- NULL for rows never met again by a batch. Runs on MySQL 8.4 and MariaDB 10.11+.

ALTER TABLE consumed_message
    ADD COLUMN last_duplicate_batch BIGINT NULL;
