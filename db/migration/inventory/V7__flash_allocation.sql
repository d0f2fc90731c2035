-- A flash sale's units, moved out of stock.available when the sale is created, so that normal orders
-- cannot take them. A flash order deducts from remaining; its cancel gives the unit back to remaining.
-- The books: stock.initial_available = available + units allocated to sales + net deducted outside
-- sales; flash_allocation.units = remaining + net deducted for the sale.

INSERT INTO stock (product_id, available, initial_available) VALUES (6, 100000, 100000);

CREATE TABLE flash_allocation (
    sale_id    VARCHAR(64)  NOT NULL,
    product_id BIGINT       NOT NULL,
    units      INT          NOT NULL,
    remaining  INT          NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (sale_id),
    KEY ix_flash_allocation_product (product_id),
    CONSTRAINT ck_flash_allocation_remaining CHECK (remaining >= 0 AND remaining <= units)
) ENGINE = InnoDB;

ALTER TABLE stock_movement ADD COLUMN sale_id VARCHAR(64) NULL AFTER product_id;
