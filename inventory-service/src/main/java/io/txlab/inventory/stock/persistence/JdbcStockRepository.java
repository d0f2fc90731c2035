package io.txlab.inventory.stock.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.txlab.inventory.stock.domain.FlashAllocation;
import io.txlab.inventory.stock.domain.Stock;
import io.txlab.inventory.stock.domain.StockDeduction;
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

    /** The condition, not an earlier read, is what keeps stock from going negative. */
    @Override
    public boolean deduct(long productId, int units) {
        return jdbc.sql("""
                UPDATE stock SET available = available - :units, version = version + 1
                WHERE product_id = :productId AND available >= :units
                """)
                .param("units", units)
                .param("productId", productId)
                .update() == 1;
    }

    /** One multi-row INSERT: JdbcClient expands the list of rows into {@code (?, ?, ?, ?, ?), (...)}. */
    @Override
    public void recordDeductions(List<StockDeduction> deductions) {
        if (deductions.isEmpty()) {
            return;
        }
        List<Object[]> rows = deductions.stream()
                .map(d -> new Object[] {d.orderId(), d.productId(), d.saleId(), d.quantity(), "DEDUCT"})
                .toList();
        jdbc.sql("""
                INSERT INTO stock_movement (order_id, product_id, sale_id, quantity, kind)
                VALUES :rows
                """)
                .param("rows", rows)
                .update();
    }

    @Override
    public void release(String orderId) {
        // INSERT ... SELECT reads the deduction with a locking read: the latest committed row, whatever this
        // transaction's snapshot holds. The unique (order_id, kind) key makes a second release fail.
        int released = jdbc.sql("""
                INSERT INTO stock_movement (order_id, product_id, sale_id, quantity, kind)
                SELECT order_id, product_id, sale_id, quantity, 'RELEASE' FROM stock_movement
                WHERE order_id = :orderId AND kind = 'DEDUCT'
                """)
                .param("orderId", orderId)
                .update();
        if (released == 0) {
            throw new IllegalStateException("order " + orderId + " has no deduction to release");
        }
        // back where it came from: normal stock, or the flash sale's allocation
        jdbc.sql("""
                UPDATE stock s JOIN stock_movement m ON m.product_id = s.product_id
                SET s.available = s.available + m.quantity, s.version = s.version + 1
                WHERE m.order_id = :orderId AND m.kind = 'RELEASE' AND m.sale_id IS NULL
                """)
                .param("orderId", orderId)
                .update();
        jdbc.sql("""
                UPDATE flash_allocation a JOIN stock_movement m ON m.sale_id = a.sale_id
                SET a.remaining = a.remaining + m.quantity
                WHERE m.order_id = :orderId AND m.kind = 'RELEASE'
                """)
                .param("orderId", orderId)
                .update();
    }

    @Override
    public Optional<Stock> findAllocation(String saleId) {
        return jdbc.sql("SELECT product_id, remaining FROM flash_allocation WHERE sale_id = :saleId")
                .param("saleId", saleId)
                .query((rs, row) -> new Stock(rs.getLong("product_id"), rs.getInt("remaining"), 0))
                .optional();
    }

    @Override
    public boolean deductFromSale(String saleId, long productId, int quantity) {
        return jdbc.sql("""
                UPDATE flash_allocation SET remaining = remaining - :quantity
                WHERE sale_id = :saleId AND product_id = :productId AND remaining >= :quantity
                """)
                .param("quantity", quantity)
                .param("saleId", saleId)
                .param("productId", productId)
                .update() == 1;
    }

    @Override
    public Optional<FlashAllocation> allocate(String saleId, long productId, int units) {
        Optional<FlashAllocation> existing = allocation(saleId);
        if (existing.isPresent()) {
            return existing;
        }
        if (!deduct(productId, units)) {
            return Optional.empty();
        }
        // a concurrent allocation of the same sale fails here, on the primary key, and rolls back its UPDATE
        jdbc.sql("""
                INSERT INTO flash_allocation (sale_id, product_id, units, remaining)
                VALUES (:saleId, :productId, :units, :units)
                """)
                .param("saleId", saleId)
                .param("productId", productId)
                .param("units", units)
                .update();
        return allocation(saleId);
    }

    private Optional<FlashAllocation> allocation(String saleId) {
        return jdbc.sql("SELECT sale_id, product_id, units, remaining FROM flash_allocation WHERE sale_id = :saleId")
                .param("saleId", saleId)
                .query((rs, row) -> new FlashAllocation(rs.getString("sale_id"), rs.getLong("product_id"),
                        rs.getInt("units"), rs.getInt("remaining")))
                .optional();
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
