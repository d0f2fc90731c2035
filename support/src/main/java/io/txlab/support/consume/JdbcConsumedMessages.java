package io.txlab.support.consume;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.txlab.support.trace.Traces;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcConsumedMessages implements ConsumedMessages {

    private final JdbcClient jdbc;

    JdbcConsumedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * MySQL counts 1 affected row for an insert and 2 for an update (Connector/J reports found rows, and the
     * update always changes {@code duplicates}).
     */
    @Override
    public boolean recordOrCountDuplicate(String consumer, String dedupKey, String orderId) {
        return jdbc.sql("""
                INSERT INTO consumed_message (consumer, dedup_key, order_id, trace_id)
                VALUES (:consumer, :dedupKey, :orderId, :traceId)
                ON DUPLICATE KEY UPDATE duplicates = duplicates + 1, last_duplicate_at = CURRENT_TIMESTAMP(3)
                """)
                .param("consumer", consumer)
                .param("dedupKey", dedupKey)
                .param("orderId", orderId)
                .param("traceId", Traces.traceIdOf(orderId))
                .update() == 1;
    }

    /**
     * One multi-row upsert; its affected rows count 1 per row inserted and 2 per row that was there (as in
     * {@link #recordOrCountDuplicate}), so only a batch that met duplicates reads back which, by the random
     * number it stamped on them.
     */
    @Override
    public Set<String> recordAllOrCountDuplicates(String consumer, List<Delivered> deliveries) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        long batch = ThreadLocalRandom.current().nextLong();
        List<Object[]> rows = deliveries.stream()
                .map(delivery -> new Object[] {consumer, delivery.dedupKey(), delivery.orderId(),
                        Traces.traceIdOf(delivery.orderId())})
                .toList();
        int affected = jdbc.sql("""
                INSERT INTO consumed_message (consumer, dedup_key, order_id, trace_id)
                VALUES :rows
                ON DUPLICATE KEY UPDATE duplicates = duplicates + 1, last_duplicate_at = CURRENT_TIMESTAMP(3),
                    last_duplicate_batch = :batch
                """)
                .param("rows", rows)
                .param("batch", batch)
                .update();
        if (affected == deliveries.size()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                SELECT dedup_key FROM consumed_message
                WHERE consumer = :consumer AND dedup_key IN (:keys) AND last_duplicate_batch = :batch
                """)
                .param("consumer", consumer)
                .param("keys", deliveries.stream().map(Delivered::dedupKey).toList())
                .param("batch", batch)
                .query(String.class)
                .list());
    }

    @Override
    public void countDuplicate(String consumer, String dedupKey) {
        jdbc.sql("""
                UPDATE consumed_message SET duplicates = duplicates + 1, last_duplicate_at = CURRENT_TIMESTAMP(3)
                WHERE consumer = :consumer AND dedup_key = :dedupKey
                """)
                .param("consumer", consumer)
                .param("dedupKey", dedupKey)
                .update();
    }
}
