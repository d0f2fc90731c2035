package io.txlab.order.ordering.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.txlab.devstack.ThrowawaySchema;
import io.txlab.order.ordering.application.OrderCursor;
import io.txlab.order.ordering.application.OrderListQuery;
import io.txlab.order.ordering.application.OrderListing;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order list over 100,000 orders in a throwaway schema (a real MariaDB, see {@link ThrowawaySchema}): every
 * page in order, none repeated or skipped across the ties of equal creation times, and a plan that reads an index
 * in the list's order instead of sorting the table.
 */
class JdbcListedOrdersIT {

    private static final int ORDERS = 100_000;
    private static final int ROWS_PER_INSERT = 2_000;
    private static final Instant FIRST = Instant.parse("2026-11-01T00:00:00Z");
    /**
     * Three orders share each second, so that paging must break ties on the order id. Whole seconds: MariaDB
     * through Connector/J keeps no fraction of a Timestamp parameter (it takes the server for a MySQL 5.5).
     */
    private static final int ORDERS_PER_SECOND = 3;
    private static final Instant NOW = FIRST.plusSeconds(ORDERS / ORDERS_PER_SECOND + 60);

    private static ThrowawaySchema schema;
    private static JdbcListedOrders listed;
    private static OrderListing listing;
    private static final List<Row> rows = new ArrayList<>();

    private record Row(String orderId, Instant createdAt, OrderStatus status) {
    }

    @BeforeAll
    static void loadOrders() {
        schema = ThrowawaySchema.migratedFor("order");
        JdbcClient jdbc = schema.jdbc();
        OrderStatus[] statuses = {OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.CONFIRMED, OrderStatus.CANCELLED};
        for (int i = 0; i < ORDERS; i++) {
            rows.add(new Row(UUID.randomUUID().toString(), FIRST.plusSeconds(i / ORDERS_PER_SECOND), statuses[i % 4]));
        }
        for (int from = 0; from < ORDERS; from += ROWS_PER_INSERT) {
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO orders (order_id, request_id, user_id, product_id, quantity, amount_cents, status, created_at)
                    VALUES
                    """);
            List<Object> params = new ArrayList<>();
            for (int i = from; i < from + ROWS_PER_INSERT; i++) {
                Row row = rows.get(i);
                sql.append(i == from ? "" : ",").append("(?, ?, 1, 1, 1, 100, ?, ?)");
                params.addAll(List.of(row.orderId(), "r-" + row.orderId(), row.status().name(),
                        Timestamp.from(row.createdAt())));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        jdbc.sql("ANALYZE TABLE orders").query().listOfRows();
        listed = new JdbcListedOrders(jdbc);
        listing = new OrderListing(listed, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void pagingThroughAllOrdersYieldsEachOnceNewestFirst() {
        assertThat(allPages(null, null, 500)).containsExactlyElementsOf(expected(row -> true));
    }

    @Test
    void aStatusFilterWithSinceYieldsOnlyMatchingOrdersEachOnce() {
        Instant since = FIRST.plusSeconds(20_000);
        assertThat(allPages(OrderListing.Filter.CANCELLED, since, 333)).containsExactlyElementsOf(
                expected(row -> row.status() == OrderStatus.CANCELLED && !row.createdAt().isBefore(since)));
    }

    @Test
    void stuckIsPendingForLongerThanTheGivenTime() {
        Instant cutoff = NOW.minusSeconds(30_000);
        List<String> stuck = listing.page(OrderListing.Filter.STUCK, Duration.ofSeconds(30_000), null, null, 500)
                .orders().stream().map(Order::orderId).toList();
        assertThat(stuck).containsExactlyElementsOf(
                expected(row -> row.status() == OrderStatus.PENDING && row.createdAt().isBefore(cutoff))
                        .subList(0, 500));
    }

    @Test
    void theLastPageHasNoCursor() {
        Instant since = FIRST.plusSeconds(ORDERS / ORDERS_PER_SECOND - 1);
        OrderListing.Page page = listing.page(null, OrderListing.DEFAULT_STUCK_AFTER, since, null, 50);
        assertThat(page.orders()).hasSize(ORDERS - (ORDERS / ORDERS_PER_SECOND - 1) * ORDERS_PER_SECOND);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void aPageReadsAnIndexInTheListsOrderAndSortsNothing() {
        Row middle = rows.get(ORDERS / 2);
        OrderCursor after = new OrderCursor(middle.createdAt(), middle.orderId());
        assertUsesIndex(new OrderListQuery(null, null, null, after, 51), "ix_orders_created");
        assertUsesIndex(new OrderListQuery(null, null, null, null, 51), "ix_orders_created");
        assertUsesIndex(new OrderListQuery(OrderStatus.PENDING, NOW.minusSeconds(30), FIRST, after, 51),
                "ix_orders_status");
        assertUsesIndex(new OrderListQuery(OrderStatus.CONFIRMED, null, null, after, 51), "ix_orders_status");
    }

    private static void assertUsesIndex(OrderListQuery query, String index) {
        List<Map<String, Object>> plan = listed.explain(query);
        assertThat(plan).as("plan of %s", query).hasSize(1);
        assertThat(plan.get(0).get("key")).as("index of %s: %s", query, plan).isEqualTo(index);
        assertThat(String.valueOf(plan.get(0).get("Extra"))).as("plan of %s", query).doesNotContain("filesort");
    }

    private static List<String> allPages(OrderListing.Filter filter, Instant since, int limit) {
        List<String> seen = new ArrayList<>();
        OrderCursor cursor = null;
        do {
            OrderListing.Page page = listing.page(filter, OrderListing.DEFAULT_STUCK_AFTER, since,
                    cursor == null ? null : OrderCursor.parse(cursor.token()).orElseThrow(), limit);
            page.orders().forEach(order -> seen.add(order.orderId()));
            cursor = page.next().orElse(null);
        } while (cursor != null);
        return seen;
    }

    private static List<String> expected(Predicate<Row> filter) {
        return rows.stream().filter(filter)
                .sorted(Comparator.comparing(Row::createdAt).thenComparing(Row::orderId).reversed())
                .map(Row::orderId).toList();
    }
}
