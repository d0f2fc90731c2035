package io.txlab.support.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.txlab.devstack.ThrowawaySchema;
import org.awaitility.Awaitility;
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
            assertThat(parts.recordAllApplied(List.of(orderId))).isEmpty();
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

    /**
     * A batch's barriers in one write: it names the orders whose cancel came first, the one committed before
     * it and the one that committed while the batch's insert waited on its row, although the batch's snapshot
     * was taken before that cancel committed.
     */
    @Test
    void aBatchNamesTheOrdersCancelledFirstAlsoACancelThatCommittedWhileItWaited() throws Exception {
        List<String> orders = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String cancelledBefore = orders.get(1);
        String cancelledWhileWaiting = orders.get(2);
        assertThat(cancelInTransaction(cancelledBefore)).isEqualTo(OrderParts.CancelOutcome.CANCELLED_FIRST);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch cancelPlanted = new CountDownLatch(1);
            CountDownLatch commitCancel = new CountDownLatch(1);
            Future<OrderParts.CancelOutcome> cancel = pool.submit(() -> transactions.execute(status -> {
                OrderParts.CancelOutcome outcome = parts.recordCancel(cancelledWhileWaiting);
                cancelPlanted.countDown();
                await(commitCancel);
                return outcome;
            }));
            assertThat(cancelPlanted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Set<String>> batch = pool.submit(() -> transactions.execute(status -> {
                jdbc.sql("SELECT COUNT(*) FROM order_part").query(Long.class).single(); // the snapshot starts here
                return parts.recordAllApplied(orders);
            }));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'")
                    .query(Long.class).single() > 0);
            commitCancel.countDown();

            assertThat(cancel.get(10, TimeUnit.SECONDS)).isEqualTo(OrderParts.CancelOutcome.CANCELLED_FIRST);
            assertThat(batch.get(10, TimeUnit.SECONDS)).containsExactlyInAnyOrder(cancelledBefore, cancelledWhileWaiting);
        } finally {
            pool.shutdownNow();
        }
        assertThat(parts.outcome(orders.get(0), ReplyToOrder.ORDER_CANCELLED)).contains(Verdict.accept());
        assertThat(parts.outcome(orders.get(3), ReplyToOrder.ORDER_CANCELLED)).contains(Verdict.accept());
        assertThat(parts.outcome(cancelledWhileWaiting, ReplyToOrder.ORDER_CANCELLED))
                .contains(Verdict.reject(ReplyToOrder.ORDER_CANCELLED));
    }

    @Test
    void aBatchOfNewOrdersPlantsEveryBarrierAndAnEmptyBatchNothing() {
        List<String> orders = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Set<String> cancelledFirst = transactions.execute(status -> parts.recordAllApplied(orders));
        Set<String> ofNoOrders = transactions.execute(status -> parts.recordAllApplied(List.of()));
        assertThat(cancelledFirst).isEmpty();
        assertThat(ofNoOrders).isEmpty();
        orders.forEach(orderId -> assertThat(parts.outcome(orderId, ReplyToOrder.ORDER_CANCELLED)).contains(Verdict.accept()));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        if (!parts.recordAllApplied(List.of(orderId)).isEmpty()) {
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
