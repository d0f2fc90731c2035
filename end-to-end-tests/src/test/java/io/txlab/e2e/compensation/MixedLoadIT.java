package io.txlab.e2e.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 200 concurrent orders across all users and products, some bound to be rejected (poor users 91..100,
 * product 5 with 10 units). Afterwards no order is PENDING and the books balance over every order the
 * platform ever took: what is not available or in an account is held by a CONFIRMED order, nothing else.
 */
@ExtendWith(PlatformExtension.class)
class MixedLoadIT {

    private static final Logger log = LoggerFactory.getLogger(MixedLoadIT.class);
    private static final int ORDERS = 200;
    /** The seeded stock (db/migration/inventory/V3) and balances (db/migration/payment/V3). */
    private static final Map<Long, Integer> INITIAL_STOCK = Map.of(1L, 1000, 2L, 500, 3L, 200, 4L, 5000, 5L, 10);

    private static long initialBalance(long userId) {
        return userId > 90 ? 500 : 100_000;
    }

    @Test
    void everyOrderEndsConfirmedOrCancelledAndTheBooksBalance(PlatformClient api, Platform platform) throws Exception {
        long started = System.nanoTime();
        List<String> orderIds = placeConcurrently(api);
        long placedMs = (System.nanoTime() - started) / 1_000_000;

        JdbcClient orders = platform.db(Service.ORDER);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() ->
                orders.sql("SELECT COUNT(*) FROM orders WHERE status = 'PENDING'").query(Integer.class).single() == 0);
        long convergedMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> outcomes = orders.sql("""
                SELECT CONCAT(status, COALESCE(CONCAT(' ', reason), '')) FROM orders WHERE order_id IN (:ids)
                """).param("ids", orderIds).query(String.class).list().stream()
                .collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting()));
        log.info("{} orders placed in {} ms, all final {} ms after the first; outcomes: {}", ORDERS, placedMs,
                convergedMs, outcomes);

        assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ORDERS);
        assertThat(outcomes).containsKey("CONFIRMED");
        assertThat(outcomes.keySet()).anyMatch(outcome -> outcome.startsWith("CANCELLED"));
        // An order is CANCELLED when its local transaction commits; the participants undo their part when the
        // OrderCancelled reaches them, a few ms later: the books balance once the last compensation landed.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertEveryProductBalances(platform);
            assertEveryAccountBalances(platform);
        });
    }

    private static List<String> placeConcurrently(PlatformClient api) throws Exception {
        Random random = new Random(42);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                long user = 1 + random.nextInt(100);
                long product = 1 + random.nextInt(5);
                int quantity = 1 + random.nextInt(3);
                replies.add(pool.submit(() -> api.placeOrder(UUID.randomUUID().toString(), user, product, quantity)));
            }
            List<String> orderIds = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(202);
                orderIds.add(reply.get().text("orderId"));
            }
            return orderIds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEveryProductBalances(Platform platform) {
        JdbcClient orders = platform.db(Service.ORDER);
        JdbcClient inventory = platform.db(Service.INVENTORY);
        INITIAL_STOCK.forEach((product, initial) -> {
            int available = inventory.sql("SELECT available FROM stock WHERE product_id = :p").param("p", product)
                    .query(Integer.class).single();
            int held = orders.sql("""
                    SELECT COALESCE(SUM(quantity), 0) FROM orders WHERE product_id = :p AND status = 'CONFIRMED'
                    """).param("p", product).query(Integer.class).single();
            assertThat(available).as("product %d available", product).isNotNegative();
            assertThat(available + held).as("product %d: available %d + held by CONFIRMED orders %d", product,
                    available, held).isEqualTo(initial);
        });
    }

    private static void assertEveryAccountBalances(Platform platform) {
        JdbcClient orders = platform.db(Service.ORDER);
        Map<Long, Long> balances = platform.db(Service.PAYMENT).sql("SELECT user_id, balance_cents FROM account")
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Long, Long> charged = orders.sql("""
                SELECT user_id, SUM(amount_cents) FROM orders WHERE status = 'CONFIRMED' GROUP BY user_id
                """).query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        LongStream.rangeClosed(1, 100).forEach(user -> {
            long balance = balances.get(user);
            assertThat(balance).as("user %d balance", user).isNotNegative();
            assertThat(balance + charged.getOrDefault(user, 0L)).as("user %d: balance + charged by CONFIRMED orders",
                    user).isEqualTo(initialBalance(user));
        });
    }
}
