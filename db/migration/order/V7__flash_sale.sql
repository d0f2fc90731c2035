-- Flash sales: a product's units moved out of normal stock (inventory's flash_allocation) and sold one
-- per user through the Redis gate. Product 6 exists for them, with stock to spare.

INSERT INTO product (product_id, name, price_cents) VALUES (6, 'Flash-sale sneakers', 9900);

CREATE TABLE flash_sale (
    sale_id    VARCHAR(64)  NOT NULL,
    product_id BIGINT       NOT NULL,
    units      INT          NOT NULL,
    starts_at  TIMESTAMP(3) NOT NULL,
    ends_at    TIMESTAMP(3) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (sale_id),
    KEY ix_flash_sale_ends (ends_at),
    CONSTRAINT ck_flash_sale_units CHECK (units > 0),
    CONSTRAINT ck_flash_sale_window CHECK (starts_at < ends_at)
) ENGINE = InnoDB;

-- sale_slot is '<sale>:<user>' while the order is active and NULL once it is cancelled: the unique key
-- allows one active order per user and sale whatever Redis says, and a new one after a cancel.
ALTER TABLE orders
    ADD COLUMN sale_id   VARCHAR(64)  NULL AFTER amount_cents,
    ADD COLUMN sale_slot VARCHAR(100) NULL AFTER sale_id,
    ADD UNIQUE KEY uk_orders_sale_slot (sale_slot),
    ADD KEY ix_orders_sale (sale_id, status);
