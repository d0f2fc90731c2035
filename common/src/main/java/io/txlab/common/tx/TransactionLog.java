package io.txlab.common.tx;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tx_log table: one row per RocketMQ transaction id, written by the local transaction itself or,
 * when the local transaction never got there, by the check-back as a rolled-back marker.
 */
final class TransactionLog {

    enum Status { COMMITTED, ROLLED_BACK }

    private final JdbcClient jdbc;

    TransactionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Called first inside the local transaction, so the row lock is held from its start: a check-back
     * arriving meanwhile waits on it. Fails with a duplicate key when a check-back already decided ROLLBACK.
     */
    void recordCommitted(String txId, String orderId) {
        jdbc.sql("""
                INSERT INTO tx_log (tx_id, order_id, status)
                VALUES (:txId, :orderId, 'COMMITTED')
                """)
                .param("txId", txId)
                .param("orderId", orderId)
                .update();
    }

    /**
     * The definite answer for a check-back. Runs outside any transaction: the INSERT IGNORE blocks while
     * a local transaction holding the row is in flight, then either keeps its COMMITTED row or plants
     * ROLLED_BACK so that a local transaction arriving later fails on the key and rolls back too.
     */
    Status resolve(String txId, String orderId) {
        jdbc.sql("""
                INSERT IGNORE INTO tx_log (tx_id, order_id, status)
                VALUES (:txId, :orderId, 'ROLLED_BACK')
                """)
                .param("txId", txId)
                .param("orderId", orderId)
                .update();
        return jdbc.sql("SELECT status FROM tx_log WHERE tx_id = :txId")
                .param("txId", txId)
                .query(String.class)
                .optional()
                .map(Status::valueOf)
                .orElseThrow(() -> new IllegalStateException("tx_log row vanished for " + txId));
    }
}
