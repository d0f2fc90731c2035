-- The books' opening balance: what each account held before any order. The consistency checker proves
-- initial_balance_cents = balance_cents + cents charged - cents refunded, for every account.
ALTER TABLE account ADD COLUMN initial_balance_cents BIGINT NULL AFTER balance_cents;

UPDATE account a
SET initial_balance_cents = a.balance_cents + COALESCE((
        SELECT SUM(CASE m.kind WHEN 'CHARGE' THEN m.amount_cents WHEN 'REFUND' THEN -m.amount_cents ELSE 0 END)
        FROM payment_movement m WHERE m.user_id = a.user_id), 0);

ALTER TABLE account MODIFY initial_balance_cents BIGINT NOT NULL;
