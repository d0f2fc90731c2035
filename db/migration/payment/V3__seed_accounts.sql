-- Users 1..100: 1..90 hold 1,000.00 each; 91..100 start poor (5.00) so that
-- insufficient-balance cases are easy to produce.
INSERT INTO account (user_id, balance_cents)
WITH RECURSIVE users (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM users WHERE id < 100)
SELECT id, CASE WHEN id > 90 THEN 500 ELSE 100000 END FROM users;
