package io.txlab.support.consume;

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
