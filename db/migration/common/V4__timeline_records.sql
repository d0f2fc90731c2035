-- What the per-order timeline needs beyond the transaction outcome. Runs on MySQL 8.4 and MariaDB 10.11+.

-- event_type: which event the half message carried; sent_at: when the publisher sent it (its JVM clock);
-- decided_by: LOCAL_TX when the local transaction wrote the row, CHECK_BACK when a check-back planted
-- a ROLLED_BACK marker because no local transaction had committed; committed_at: the last statement of a
-- committed local transaction, after its work (created_at is its first, which takes the row lock).
ALTER TABLE tx_log
    ADD COLUMN event_type   VARCHAR(64)  NULL AFTER order_id,
    ADD COLUMN decided_by   VARCHAR(16)  NOT NULL DEFAULT 'LOCAL_TX' AFTER status,
    ADD COLUMN sent_at      TIMESTAMP(3) NULL AFTER decided_by,
    ADD COLUMN committed_at TIMESTAMP(3) NULL AFTER created_at;

ALTER TABLE check_back
    ADD COLUMN event_type VARCHAR(64) NULL AFTER order_id;

-- Deliveries whose handling threw: the broker redelivers them with backoff (or, past the maximum
-- reconsume count, moves them to the consumer group's DLQ). Written outside the failed transaction.
CREATE TABLE delivery_failure (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    consumer        VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    order_id        VARCHAR(64)  NOT NULL,
    msg_id          VARCHAR(128) NOT NULL,
    reconsume_times INT          NOT NULL,
    error           VARCHAR(500) NOT NULL,
    failed_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_delivery_failure_order (order_id)
) ENGINE = InnoDB;
