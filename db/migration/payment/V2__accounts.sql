-- Account balances. balance_cents never goes negative: every charge is a conditional UPDATE.

CREATE TABLE account (
    user_id       BIGINT NOT NULL,
    balance_cents BIGINT NOT NULL,
    version       INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id),
    CONSTRAINT ck_account_balance CHECK (balance_cents >= 0)
) ENGINE = InnoDB;

-- Every change to money, by order. One row per (order, kind): a charge cannot be applied twice.
CREATE TABLE payment_movement (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    order_id     VARCHAR(64)  NOT NULL,
    user_id      BIGINT       NOT NULL,
    amount_cents BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_movement (order_id, kind),
    KEY ix_payment_movement_user (user_id)
) ENGINE = InnoDB;
