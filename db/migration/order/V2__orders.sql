-- The order service's catalogue (prices) and orders.

CREATE TABLE product (
    product_id  BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    price_cents BIGINT       NOT NULL,
    PRIMARY KEY (product_id)
) ENGINE = InnoDB;

CREATE TABLE orders (
    order_id          VARCHAR(64)  NOT NULL,
    request_id        VARCHAR(64)  NOT NULL,
    user_id           BIGINT       NOT NULL,
    product_id        BIGINT       NOT NULL,
    quantity          INT          NOT NULL,
    amount_cents      BIGINT       NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    inventory_outcome VARCHAR(16)  NOT NULL DEFAULT 'AWAITED',
    payment_outcome   VARCHAR(16)  NOT NULL DEFAULT 'AWAITED',
    reason            VARCHAR(255) NULL,
    version           INT          NOT NULL DEFAULT 0,
    created_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id),
    UNIQUE KEY uk_orders_request (request_id),
    KEY ix_orders_status (status, created_at)
) ENGINE = InnoDB;
