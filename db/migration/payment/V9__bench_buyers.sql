-- Users 100001..150000: the open-model benchmark's buyers, 1,000,000.00 each, enough for a million orders of
-- product 7 (1.00) apiece. Their books open at the same balance. Digits crossed, not one deep recursion: MySQL
-- stops a recursive CTE at 1000 iterations by default.
INSERT INTO account (user_id, balance_cents, initial_balance_cents)
WITH RECURSIVE digit (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM digit WHERE n < 9)
SELECT 100001 + a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n, 100000000, 100000000
FROM digit a CROSS JOIN digit b CROSS JOIN digit c CROSS JOIN digit d CROSS JOIN digit e
WHERE e.n < 5;
