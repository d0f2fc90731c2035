package io.txlab.support.consume;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consumed_message table: one row per (consumer, dedup key), the idempotency guarantee. */
final class ConsumedMessages {

    private final JdbcClient jdbc;

    ConsumedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The dedup row and the duplicate count in one statement: the insert itself says whether this is the
     * first delivery. MySQL counts 1 affected row for an insert and 2 for an update (Connector/J reports
     * found rows, and the update always changes {@code duplicates}).
     *
     * @return true for the first delivery, false for a duplicate (counted)
     */
    boolean recordOrCountDuplicate(String consumer, String dedupKey, String orderId) {
        return jdbc.sql("""
                INSERT INTO consumed_message (consumer, dedup_key, order_id) VALUES (:consumer, :dedupKey, :orderId)
                ON DUPLICATE KEY UPDATE duplicates = duplicates + 1, last_duplicate_at = CURRENT_TIMESTAMP(3)
                """)
                .param("consumer", consumer)
                .param("dedupKey", dedupKey)
                .param("orderId", orderId)
                .update() == 1;
    }

    void countDuplicate(String consumer, String dedupKey) {
        jdbc.sql("""
                UPDATE consumed_message SET duplicates = duplicates + 1, last_duplicate_at = CURRENT_TIMESTAMP(3)
                WHERE consumer = :consumer AND dedup_key = :dedupKey
                """)
                .param("consumer", consumer)
                .param("dedupKey", dedupKey)
                .update();
    }

    /** @throws AlreadyConsumedException when the row exists: the unique key, not the lock, decides. */
    void record(String consumer, String dedupKey, String orderId) {
        try {
            jdbc.sql("""
                    INSERT INTO consumed_message (consumer, dedup_key, order_id)
                    VALUES (:consumer, :dedupKey, :orderId)
                    """)
                    .param("consumer", consumer)
                    .param("dedupKey", dedupKey)
                    .param("orderId", orderId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyConsumedException(consumer, dedupKey);
        }
    }
}
