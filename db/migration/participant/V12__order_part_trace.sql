-- The trace id of the delivery that wrote a participant's barrier row (its order's event or its cancel),
-- for the timeline's REJECTED / CANCELLED_BEFORE_APPLY entries. Runs on MySQL 8.4 and MariaDB 10.11+.

ALTER TABLE order_part
    ADD COLUMN trace_id CHAR(32) NULL;
