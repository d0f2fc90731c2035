-- Stock per product. available never goes negative: every deduction is a conditional UPDATE.

CREATE TABLE stock (
    product_id BIGINT      NOT NULL,
    available  INT         NOT NULL,
    version    INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id),
    CONSTRAINT ck_stock_available CHECK (available >= 0)
) ENGINE = InnoDB;

-- Every change to stock, by order. One row per (order, kind): a movement cannot be applied twice.
CREATE TABLE stock_movement (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    order_id   VARCHAR(64)  NOT NULL,
    product_id BIGINT       NOT NULL,
    quantity   INT          NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_stock_movement (order_id, kind),
    KEY ix_stock_movement_product (product_id)
) ENGINE = InnoDB;
