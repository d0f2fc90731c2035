package io.txlab.inventory.stock.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.txlab.common.consume.ConcurrentChangeException;
import io.txlab.inventory.stock.domain.Stock;
import io.txlab.inventory.stock.domain.StockMovement;
import io.txlab.inventory.stock.domain.StockRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStockRepository implements StockRepository {

    private final JdbcClient jdbc;

    JdbcStockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stock> find(long productId) {
        return jdbc.sql("""
                SELECT product_id, available, version FROM stock WHERE product_id = :productId
                """)
                .param("productId", productId)
                .query((rs, row) -> new Stock(rs.getLong("product_id"), rs.getInt("available"), rs.getInt("version")))
                .optional();
    }

    @Override
    public void deduct(String orderId, long productId, int quantity) {
        // The condition, not the earlier read, is what keeps stock from going negative.
        int updated = jdbc.sql("""
                UPDATE stock SET available = available - :quantity, version = version + 1
                WHERE product_id = :productId AND available >= :quantity
                """)
                .param("quantity", quantity)
                .param("productId", productId)
                .update();
        if (updated == 0) {
            throw new ConcurrentChangeException("product " + productId + " no longer has " + quantity + " units");
        }
        jdbc.sql("""
                INSERT INTO stock_movement (order_id, product_id, quantity, kind)
                VALUES (:orderId, :productId, :quantity, 'DEDUCT')
                """)
                .param("orderId", orderId)
                .param("productId", productId)
                .param("quantity", quantity)
                .update();
    }

    @Override
    public void release(String orderId) {
        // INSERT ... SELECT reads the deduction with a locking read: the latest committed row, whatever this
        // transaction's snapshot holds. The unique (order_id, kind) key makes a second release fail.
        int released = jdbc.sql("""
                INSERT INTO stock_movement (order_id, product_id, quantity, kind)
                SELECT order_id, product_id, quantity, 'RELEASE' FROM stock_movement
                WHERE order_id = :orderId AND kind = 'DEDUCT'
                """)
                .param("orderId", orderId)
                .update();
        if (released == 0) {
            throw new IllegalStateException("order " + orderId + " has no deduction to release");
        }
        jdbc.sql("""
                UPDATE stock s JOIN stock_movement m ON m.product_id = s.product_id
                SET s.available = s.available + m.quantity, s.version = s.version + 1
                WHERE m.order_id = :orderId AND m.kind = 'RELEASE'
                """)
                .param("orderId", orderId)
                .update();
    }

    @Override
    public List<StockMovement> movementsOf(String orderId) {
        return jdbc.sql("""
                SELECT order_id, product_id, quantity, kind, created_at FROM stock_movement
                WHERE order_id = :orderId ORDER BY id
                """)
                .param("orderId", orderId)
                .query(JdbcStockRepository::movement)
                .list();
    }

    private static StockMovement movement(ResultSet rs, int row) throws SQLException {
        return new StockMovement(rs.getString("order_id"), rs.getLong("product_id"), rs.getInt("quantity"),
                StockMovement.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("created_at").toInstant());
    }
}
