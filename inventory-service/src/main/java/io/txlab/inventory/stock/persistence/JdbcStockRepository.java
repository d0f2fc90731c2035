package io.txlab.inventory.stock.persistence;

import java.util.Optional;

import io.txlab.common.consume.ConcurrentChangeException;
import io.txlab.inventory.stock.domain.Stock;
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
}
