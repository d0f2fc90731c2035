-- Tables every service has in its own schema: the transactional-message log, the check-back audit,
-- and the idempotent-consumer dedup rows. Runs on MySQL 8.4 and MariaDB 10.11+.

CREATE TABLE tx_log (
    tx_id      VARCHAR(128) NOT NULL,
    order_id   VARCHAR(64)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (tx_id),
    KEY ix_tx_log_order (order_id)
) ENGINE = InnoDB;

-- received_at: when the check-back arrived; checked_at: when it was answered (later, if it had to wait
-- for an in-flight local transaction's row lock).
CREATE TABLE check_back (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tx_id      VARCHAR(128) NOT NULL,
    order_id   VARCHAR(64)  NOT NULL,
    attempt    INT          NOT NULL,
    answer     VARCHAR(16)  NOT NULL,
    instance    VARCHAR(255) NOT NULL,
    received_at TIMESTAMP(3) NOT NULL,
    checked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_check_back_order (order_id),
    KEY ix_check_back_time (checked_at)
) ENGINE = InnoDB;

CREATE TABLE consumed_message (
    consumer    VARCHAR(64)  NOT NULL,
    dedup_key   VARCHAR(191) NOT NULL,
    order_id    VARCHAR(64)  NOT NULL,
    consumed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    -- redeliveries and replays that found the row and changed nothing
    duplicates  INT          NOT NULL DEFAULT 0,
    last_duplicate_at TIMESTAMP(3) NULL,
    PRIMARY KEY (consumer, dedup_key),
    KEY ix_consumed_order (order_id)
) ENGINE = InnoDB;
