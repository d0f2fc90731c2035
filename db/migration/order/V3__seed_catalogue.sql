INSERT INTO product (product_id, name, price_cents) VALUES
    (1, 'Mechanical keyboard', 8900),
    (2, 'USB-C dock', 12900),
    (3, 'Noise-cancelling headphones', 24900),
    (4, 'Coffee beans 1 kg', 1990),
    (5, 'Limited-edition poster', 4500);
