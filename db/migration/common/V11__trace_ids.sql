-- The W3C trace id (32 lower-case hex digits) of the work that wrote each timeline row, so an order's
-- timeline shows which trace each step belongs to (docs/tracing.md). Written by the statements that write
-- the rows anyway: no extra round trip. NULL for rows written before this migration.
-- Runs on MySQL 8.4 and MariaDB 10.11+.

ALTER TABLE tx_log
    ADD COLUMN trace_id CHAR(32) NULL;

ALTER TABLE check_back
    ADD COLUMN trace_id CHAR(32) NULL;

ALTER TABLE consumed_message
    ADD COLUMN trace_id CHAR(32) NULL;

ALTER TABLE delivery_failure
    ADD COLUMN trace_id CHAR(32) NULL;
