-- Which broker asked (its address): with several broker masters, a half message is checked back only by the broker that
-- stores it (docs/scaling.md). NULL for check-backs recorded before this column.
ALTER TABLE check_back ADD COLUMN broker VARCHAR(128) NULL;
