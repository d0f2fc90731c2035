INSERT INTO stock (product_id, available) VALUES
    (1, 1000),
    (2, 500),
    (3, 200),
    (4, 5000),
    (5, 10);
