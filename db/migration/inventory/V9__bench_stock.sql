-- Product 7, the benchmark's: enough stock for a thousand runs of 100k orders. Its books open at the same count.
INSERT INTO stock (product_id, available, initial_available) VALUES (7, 100000000, 100000000);
