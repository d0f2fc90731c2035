-- The books' opening balance: what each product held before any order. The consistency checker proves
-- initial_available = available + units deducted - units released, for every product.
ALTER TABLE stock ADD COLUMN initial_available INT NULL AFTER available;

UPDATE stock s
SET initial_available = s.available + COALESCE((
        SELECT SUM(CASE m.kind WHEN 'DEDUCT' THEN m.quantity WHEN 'RELEASE' THEN -m.quantity ELSE 0 END)
        FROM stock_movement m WHERE m.product_id = s.product_id), 0);

ALTER TABLE stock MODIFY initial_available INT NOT NULL;
