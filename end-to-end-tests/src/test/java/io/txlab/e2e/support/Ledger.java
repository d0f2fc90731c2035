package io.txlab.e2e.support;

import java.util.List;
import java.util.Optional;

import io.txlab.e2e.support.Platform.Service;

/** What the participants' own tables say about an order: movements, barrier row, dedup hits, failed deliveries. */
public final class Ledger {

    private final Platform platform;

    public Ledger(Platform platform) {
        this.platform = platform;
    }

    /** Kinds of the order's stock movements (inventory) or payment movements (payment), in order. */
    public List<String> movements(Service participant, String orderId) {
        String table = participant == Service.INVENTORY ? "stock_movement" : "payment_movement";
        return platform.db(participant).sql("SELECT kind FROM " + table + " WHERE order_id = :orderId ORDER BY id")
                .param("orderId", orderId).query(String.class).list();
    }

    /** The participant's barrier row: APPLIED, REJECTED, COMPENSATED or CANCELLED_FIRST. */
    public Optional<String> part(Service participant, String orderId) {
        return platform.db(participant).sql("SELECT state FROM order_part WHERE order_id = :orderId")
                .param("orderId", orderId).query(String.class).optional();
    }

    public boolean lateApplySkipped(Service participant, String orderId) {
        return platform.db(participant).sql("""
                SELECT COUNT(*) FROM order_part WHERE order_id = :orderId AND late_apply_skipped_at IS NOT NULL
                """).param("orderId", orderId).query(Integer.class).single() == 1;
    }

    /** Deliveries that found the dedup row and changed nothing. */
    public int duplicates(Service service, String orderId) {
        return platform.db(service).sql("""
                SELECT COALESCE(SUM(duplicates), 0) FROM consumed_message WHERE order_id = :orderId
                """).param("orderId", orderId).query(Integer.class).single();
    }

    /** reconsumeTimes of each failed delivery of the order's messages, oldest first. */
    public List<Integer> failedDeliveries(Service service, String orderId) {
        return platform.db(service).sql("""
                SELECT reconsume_times FROM delivery_failure WHERE order_id = :orderId ORDER BY id
                """).param("orderId", orderId).query(Integer.class).list();
    }

    /** Milliseconds between consecutive failed deliveries and the successful consumption: the retry delays. */
    public List<Long> retryDelaysMs(Service service, String orderId) {
        return platform.db(service).sql("""
                SELECT TIMESTAMPDIFF(MICROSECOND, t.prev_at, t.at) DIV 1000 FROM (
                    SELECT at, LAG(at) OVER (ORDER BY at) AS prev_at FROM (
                        SELECT failed_at AS at FROM delivery_failure WHERE order_id = :orderId
                        UNION ALL
                        SELECT consumed_at FROM consumed_message WHERE order_id = :orderId AND dedup_key LIKE 'OrderCreated:%'
                    ) events
                ) t WHERE t.prev_at IS NOT NULL ORDER BY t.at
                """).param("orderId", orderId).query(Long.class).list();
    }
}
