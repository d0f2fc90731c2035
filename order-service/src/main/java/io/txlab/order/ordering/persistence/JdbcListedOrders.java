package io.txlab.order.ordering.persistence;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.txlab.order.ordering.application.ListedOrders;
import io.txlab.order.ordering.application.OrderListQuery;
import io.txlab.order.ordering.domain.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keyset paging over (created_at, order_id), both descending: a page costs the same on the thousandth page as
 * on the first, and an order placed meanwhile neither shifts nor repeats a row. ix_orders_created serves the
 * unfiltered list, ix_orders_status a status (equality on status, then the same order); see V10.
 */
@Repository
class JdbcListedOrders implements ListedOrders {

    private final JdbcClient jdbc;

    JdbcListedOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Order> newestFirst(OrderListQuery query) {
        Statement statement = statement(query);
        return jdbc.sql(statement.sql()).params(statement.params()).query(JdbcOrderRepository::map).list();
    }

    /** The optimizer's plan for the query, one row per table: which index it reads and how. */
    List<Map<String, Object>> explain(OrderListQuery query) {
        Statement statement = statement(query);
        return jdbc.sql("EXPLAIN " + statement.sql()).params(statement.params()).query().listOfRows();
    }

    private record Statement(String sql, Map<String, Object> params) {
    }

    private static Statement statement(OrderListQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.status() != null) {
            where.add("status = :status");
            params.put("status", query.status().name());
        }
        if (query.createdBefore() != null) {
            where.add("created_at < :createdBefore");
            params.put("createdBefore", Timestamp.from(query.createdBefore()));
        }
        if (query.since() != null) {
            where.add("created_at >= :since");
            params.put("since", Timestamp.from(query.since()));
        }
        if (query.after() != null) {
            // the first condition alone is a range the index can seek to; the second breaks ties on the id
            where.add("created_at <= :afterCreated AND (created_at < :afterCreated OR order_id < :afterId)");
            params.put("afterCreated", Timestamp.from(query.after().createdAt()));
            params.put("afterId", query.after().orderId());
        }
        params.put("limit", query.limit());
        String sql = "SELECT " + JdbcOrderRepository.COLUMNS + " FROM orders"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, order_id DESC LIMIT :limit";
        return new Statement(sql, params);
    }
}
