package io.txlab.support.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.txlab.devstack.ThrowawaySchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The barrier on a real database. Under contention: an order's deduction and its cancel run at the same
 * instant, in two database transactions, for many orders. Whichever wins, the outcome is one of the two consistent ones:
 * applied then undone, or cancelled first with nothing applied. Never a deduction left standing.
 * Against a real MariaDB (this machine's on 3306, else an embedded one: {@link ThrowawaySchema}), in a throwaway
 * inventory schema.
 * (In support's package: OrderParts is package-private; inventory supplies the schema.)
 */
class OrderPartsIT {

    private static final Logger log = LoggerFactory.getLogger(OrderPartsIT.class);
    private static final int ORDERS = 40;

    private static ThrowawaySchema schema;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static JdbcOrderParts parts;

    @BeforeAll
    static void createSchema() {
        schema = ThrowawaySchema.migratedFor("inventory");
        jdbc = schema.jdbc();
        transactions = schema.transactions();
        parts = new JdbcOrderParts(jdbc);
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void aDeductionRacingItsCancelEndsAppliedAndUndoneOrNeverApplied() throws Exception {
        Map<String, Long> interleavings = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < ORDERS; i++) {
                String orderId = UUID.randomUUID().toString();
                CountDownLatch start = new CountDownLatch(1);
                Future<Boolean> applied = pool.submit(() -> {
                    start.await();
                    return transactions.execute(status -> apply(orderId));
                });
                Future<OrderParts.CancelOutcome> cancelled = pool.submit(() -> {
                    start.await();
                    return transactions.execute(status -> cancel(orderId));
                });
                start.countDown();
                String outcome = assertConsistent(orderId, applied.get(10, TimeUnit.SECONDS),
                        cancelled.get(10, TimeUnit.SECONDS));
                interleavings.merge(outcome, 1L, Long::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        log.info("{} races of a deduction with its cancel: {}", ORDERS, interleavings);
        assertThat(interleavings.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ORDERS);
    }

    /** The barrier alone, without the dedup row in front of it: each of the three classic traps. */
    @Test
    void aRepeatedCancelChangesNothingEvenWithoutTheDedupRow() {
        String orderId = UUID.randomUUID().toString();
        assertThat(applyInTransaction(orderId)).isTrue();

        assertThat(cancelInTransaction(orderId)).isEqualTo(OrderParts.CancelOutcome.UNDO);
        assertThat(cancelInTransaction(orderId)).isEqualTo(OrderParts.CancelOutcome.REPEATED);
        assertThat(movements(orderId)).containsExactly("DEDUCT", "RELEASE");
    }

    @Test
    void aCancelOfARejectedPartUndoesNothingOnce() {
        String orderId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            assertThat(parts.recordApplied(orderId)).isTrue();
            parts.rejectApplied(orderId, "INSUFFICIENT_STOCK");
        });
        assertThat(parts.outcome(orderId, ReplyToOrder.ORDER_CANCELLED)).contains(Verdict.reject("INSUFFICIENT_STOCK"));

        assertThat(cancelInTransaction(orderId)).isEqualTo(OrderParts.CancelOutcome.NOTHING_APPLIED);
        assertThat(cancelInTransaction(orderId)).isEqualTo(OrderParts.CancelOutcome.REPEATED);
        assertThat(movements(orderId)).isEmpty();
    }

    @Test
    void aDeductionAfterItsCancelIsSkippedForGoodAndRecorded() {
        String orderId = UUID.randomUUID().toString();
        assertThat(cancelInTransaction(orderId)).isEqualTo(OrderParts.CancelOutcome.CANCELLED_FIRST);

        assertThat(applyInTransaction(orderId)).isFalse();
        transactions.executeWithoutResult(status -> parts.skipLateApply(orderId, ReplyToOrder.ORDER_CANCELLED));

        assertThat(movements(orderId)).isEmpty();
        assertThat(parts.outcome(orderId, ReplyToOrder.ORDER_CANCELLED))
                .as("a redelivery replies what the barrier says").contains(Verdict.reject(ReplyToOrder.ORDER_CANCELLED));
        assertThat(jdbc.sql("SELECT late_apply_skipped_at IS NOT NULL FROM order_part WHERE order_id = :o")
                .param("o", orderId).query(Boolean.class).single()).isTrue();
    }

    private static boolean applyInTransaction(String orderId) {
        return Boolean.TRUE.equals(transactions.execute(status -> apply(orderId)));
    }

    private static OrderParts.CancelOutcome cancelInTransaction(String orderId) {
        return transactions.execute(status -> cancel(orderId));
    }

    private static List<String> movements(String orderId) {
        return jdbc.sql("SELECT kind FROM stock_movement WHERE order_id = :o ORDER BY id")
                .param("o", orderId).query(String.class).list();
    }

    private static boolean apply(String orderId) {
        if (!parts.recordApplied(orderId)) {
            return false;
        }
        jdbc.sql("INSERT INTO stock_movement (order_id, product_id, quantity, kind) VALUES (:o, 1, 1, 'DEDUCT')")
                .param("o", orderId).update();
        return true;
    }

    private static OrderParts.CancelOutcome cancel(String orderId) {
        OrderParts.CancelOutcome outcome = parts.recordCancel(orderId);
        if (outcome == OrderParts.CancelOutcome.UNDO) {
            jdbc.sql("INSERT INTO stock_movement (order_id, product_id, quantity, kind) VALUES (:o, 1, 1, 'RELEASE')")
                    .param("o", orderId).update();
        }
        return outcome;
    }

    private static String assertConsistent(String orderId, boolean applied, OrderParts.CancelOutcome cancelled) {
        List<String> movements = movements(orderId);
        String state = jdbc.sql("SELECT state FROM order_part WHERE order_id = :o").param("o", orderId)
                .query(String.class).single();
        if (applied) {
            assertThat(cancelled).isEqualTo(OrderParts.CancelOutcome.UNDO);
            assertThat(movements).containsExactly("DEDUCT", "RELEASE");
            assertThat(state).isEqualTo("COMPENSATED");
            return "applied, then undone";
        }
        assertThat(cancelled).isEqualTo(OrderParts.CancelOutcome.CANCELLED_FIRST);
        assertThat(movements).isEmpty();
        assertThat(state).isEqualTo("CANCELLED_FIRST");
        return "cancelled first, never applied";
    }
}
