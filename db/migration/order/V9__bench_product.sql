-- Product 7 exists for the open-model benchmark (scripts/load.sh constant|step-up|sale|mixed|compare): cheap,
-- and stocked (inventory V9) and funded (payment V9, users 100001..150000) so that runs of ~100k orders, run
-- after run, neither sell it out nor drain a buyer's balance.
INSERT INTO product (product_id, name, price_cents) VALUES (7, 'Benchmark widget', 100);
