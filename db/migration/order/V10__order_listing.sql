-- The order list (GET /api/orders) pages newest first by (created_at, order_id). This index serves the
-- unfiltered list; with a status filter ix_orders_status (status, created_at) does, InnoDB appending the
-- primary key order_id to both, so that neither needs a sort however many orders there are.
CREATE INDEX ix_orders_created ON orders (created_at, order_id);
