-- The transactional outbox, the second safe way to publish OrderCreated (POST /api/orders?publish=outbox):
-- the order row and its event's row commit in one DB transaction, and the relay sends unsent rows to the
-- broker afterwards, then sets sent_at. A crash between the send and the mark sends the row again; the
-- consumers deduplicate on the event's key, so at-least-once is enough.
--
-- ix_outbox_unsent: unsent rows (sent_at NULL) sort first, by id, so "oldest unsent first, FOR UPDATE SKIP
-- LOCKED" reads a short range of this index and never sorts. uk_outbox_order_event: one row per order and
-- event, whatever the code does; it also serves the timeline's and the checker's look-ups by order.

CREATE TABLE outbox_event (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    order_id   VARCHAR(64)   NOT NULL,
    topic      VARCHAR(64)   NOT NULL,
    tag        VARCHAR(64)   NOT NULL,
    event_type VARCHAR(64)   NOT NULL,
    -- the event exactly as JsonCodec encoded it: the relay sends these bytes
    payload    BLOB          NOT NULL,
    created_at TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    sent_at    TIMESTAMP(3)  NULL DEFAULT NULL,
    -- sends tried, the successful one included
    attempts   INT           NOT NULL DEFAULT 0,
    last_error VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_order_event (order_id, event_type),
    KEY ix_outbox_unsent (sent_at, id)
) ENGINE = InnoDB;
