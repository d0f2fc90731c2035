-- Users 1001..3000: the flash-sale buyers of the storm test, the scenario and the benchmark, each able to
-- pay for a few units of anything. Digits crossed, not one deep recursion: MySQL stops a recursive CTE
-- at 1000 iterations by default.
INSERT INTO account (user_id, balance_cents, initial_balance_cents)
WITH RECURSIVE digit (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM digit WHERE n < 9)
SELECT 1001 + a.n + 10 * b.n + 100 * c.n + 1000 * d.n, 100000, 100000
FROM digit a CROSS JOIN digit b CROSS JOIN digit c CROSS JOIN digit d
WHERE d.n < 2;
