-- The outbox row keeps the traceparent of the request that wrote it, so that the relay, sending later on
-- its own thread, gives the message the order's trace (docs/tracing.md). Its trace id shows on the
-- timeline's OUTBOX entries. Runs on MySQL 8.4 and MariaDB 10.11+.

ALTER TABLE outbox_event
    ADD COLUMN trace_parent VARCHAR(55) NULL;
