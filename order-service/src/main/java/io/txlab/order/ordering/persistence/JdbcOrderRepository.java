package io.txlab.order.ordering.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.txlab.support.consume.ConcurrentChangeException;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.OrderStatus;
import io.txlab.order.ordering.domain.PartOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrderRepository implements OrderRepository {

    static final String COLUMNS = """
            order_id, request_id, user_id, product_id, quantity, amount_cents, status,
            inventory_outcome, payment_outcome, reason, version, created_at, sale_id
            """;

    private final JdbcClient jdbc;

    JdbcOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Order order) {
        jdbc.sql("""
                INSERT INTO orders (order_id, request_id, user_id, product_id, quantity, amount_cents, sale_id,
                                    sale_slot, status, inventory_outcome, payment_outcome, created_at)
                VALUES (:orderId, :requestId, :userId, :productId, :quantity, :amount, :saleId,
                        :saleSlot, :status, :inventory, :payment, :createdAt)
                """)
                .param("orderId", order.orderId())
                .param("requestId", order.requestId())
                .param("userId", order.userId())
                .param("productId", order.productId())
                .param("quantity", order.quantity())
                .param("amount", order.amountCents())
                .param("saleId", order.saleId())
                .param("saleSlot", order.saleId() == null ? null : order.saleId() + ":" + order.userId())
                .param("status", order.status().name())
                .param("inventory", order.inventory().name())
                .param("payment", order.payment().name())
                .param("createdAt", Timestamp.from(order.createdAt()))
                .update();
    }

    @Override
    public Optional<Order> findById(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(JdbcOrderRepository::map)
                .optional();
    }

    @Override
    public Optional<Order> findByRequestId(String requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE request_id = :requestId")
                .param("requestId", requestId)
                .query(JdbcOrderRepository::map)
                .optional();
    }

    /** Locks in order_id order, so that two batches never wait for each other's rows in a cycle. */
    @Override
    public List<Order> findForUpdate(Collection<String> orderIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE order_id IN (:orderIds) ORDER BY order_id FOR UPDATE")
                .param("orderIds", orderIds)
                .query(JdbcOrderRepository::map)
                .list();
    }

    @Override
    public List<Order> findPendingCreatedBefore(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                FROM orders WHERE status = 'PENDING' AND created_at < :cutoff
                ORDER BY created_at LIMIT :limit
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .query(JdbcOrderRepository::map)
                .list();
    }

    @Override
    public void update(Order updated) {
        int rows = jdbc.sql("""
                UPDATE orders
                SET status = :status, inventory_outcome = :inventory, payment_outcome = :payment, reason = :reason,
                    sale_slot = CASE WHEN :status = 'CANCELLED' THEN NULL ELSE sale_slot END,
                    version = version + 1, updated_at = CURRENT_TIMESTAMP(3)
                WHERE order_id = :orderId AND version = :version
                """)
                .param("status", updated.status().name())
                .param("inventory", updated.inventory().name())
                .param("payment", updated.payment().name())
                .param("reason", updated.reason())
                .param("orderId", updated.orderId())
                .param("version", updated.version())
                .update();
        if (rows == 0) {
            throw new ConcurrentChangeException("order " + updated.orderId() + " changed since version " + updated.version());
        }
    }

    static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getString("order_id"), rs.getString("request_id"), rs.getLong("user_id"),
                rs.getLong("product_id"), rs.getInt("quantity"), rs.getLong("amount_cents"),
                OrderStatus.valueOf(rs.getString("status")), PartOutcome.valueOf(rs.getString("inventory_outcome")),
                PartOutcome.valueOf(rs.getString("payment_outcome")), rs.getString("reason"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("sale_id"));
    }
}
