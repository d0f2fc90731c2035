package io.txlab.order.flashsale.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashSaleRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFlashSaleRepository implements FlashSaleRepository {

    private final JdbcClient jdbc;

    JdbcFlashSaleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(FlashSale sale) {
        jdbc.sql("""
                INSERT INTO flash_sale (sale_id, product_id, units, starts_at, ends_at)
                VALUES (:saleId, :productId, :units, :startsAt, :endsAt)
                """)
                .param("saleId", sale.saleId())
                .param("productId", sale.productId())
                .param("units", sale.units())
                .param("startsAt", Timestamp.from(sale.startsAt()))
                .param("endsAt", Timestamp.from(sale.endsAt()))
                .update();
    }

    @Override
    public Optional<FlashSale> find(String saleId) {
        return jdbc.sql("SELECT sale_id, product_id, units, starts_at, ends_at FROM flash_sale WHERE sale_id = :saleId")
                .param("saleId", saleId)
                .query(JdbcFlashSaleRepository::sale)
                .optional();
    }

    @Override
    public List<FlashSale> endingAfter(Instant since) {
        return jdbc.sql("""
                SELECT sale_id, product_id, units, starts_at, ends_at FROM flash_sale
                WHERE ends_at > :since ORDER BY ends_at
                """)
                .param("since", Timestamp.from(since))
                .query(JdbcFlashSaleRepository::sale)
                .list();
    }

    @Override
    public List<FlashSale> newestFirst(int limit) {
        return jdbc.sql("""
                SELECT sale_id, product_id, units, starts_at, ends_at FROM flash_sale
                ORDER BY created_at DESC, sale_id DESC LIMIT :limit
                """)
                .param("limit", limit)
                .query(JdbcFlashSaleRepository::sale)
                .list();
    }

    /** ix_orders_sale (sale_id, status) answers it from the index alone. */
    @Override
    public Map<String, Map<String, Integer>> orderCounts(Collection<String> saleIds) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        saleIds.forEach(saleId -> counts.put(saleId,
                new LinkedHashMap<>(Map.of("PENDING", 0, "CONFIRMED", 0, "CANCELLED", 0))));
        if (saleIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT sale_id, status, COUNT(*) AS n FROM orders WHERE sale_id IN (:saleIds) GROUP BY sale_id, status")
                .param("saleIds", saleIds)
                .query((ResultSet rs) -> {
                    counts.get(rs.getString("sale_id")).put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    @Override
    public Map<String, Integer> orderCounts(String saleId) {
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("PENDING", 0, "CONFIRMED", 0, "CANCELLED", 0));
        jdbc.sql("SELECT status, COUNT(*) AS n FROM orders WHERE sale_id = :saleId GROUP BY status")
                .param("saleId", saleId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    @Override
    public Map<Long, String> activeBuyers(String saleId) {
        Map<Long, String> buyers = new LinkedHashMap<>();
        jdbc.sql("SELECT user_id, order_id FROM orders WHERE sale_id = :saleId AND status <> 'CANCELLED'")
                .param("saleId", saleId)
                .query((ResultSet rs) -> {
                    buyers.put(rs.getLong("user_id"), rs.getString("order_id"));
                });
        return buyers;
    }

    @Override
    public boolean orderExists(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(Integer.class)
                .single() > 0;
    }

    private static FlashSale sale(ResultSet rs, int row) throws SQLException {
        return new FlashSale(rs.getString("sale_id"), rs.getLong("product_id"), rs.getInt("units"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant());
    }
}
