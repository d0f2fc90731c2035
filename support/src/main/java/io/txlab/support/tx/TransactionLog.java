package io.txlab.support.tx;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tx_log table: one row per RocketMQ transaction id, written by the local transaction itself or,
 * when the local transaction never got there, by the check-back as a rolled-back marker.
 */
final class TransactionLog {

    enum Status { COMMITTED, ROLLED_BACK }

    /** Who wrote the row: the local transaction (or its own aftermath), or a check-back. */
    enum DecidedBy { LOCAL_TX, CHECK_BACK }

    private final JdbcClient jdbc;

    TransactionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last statement of the local transaction, after its work: the COMMITTED row, with the time the work
     * was done (the timeline's "local transaction committed"). From here to the commit, a check-back waits on
     * the row's lock and answers from the outcome; a check-back that came before it planted ROLLED_BACK, and
     * this insert fails on the key, so the whole local transaction rolls back: either way one answer.
     */
    void recordCommitted(String txId, PendingPublish pending) {
        jdbc.sql("""
                INSERT INTO tx_log (tx_id, order_id, event_type, status, decided_by, sent_at, committed_at)
                VALUES (:txId, :orderId, :eventType, 'COMMITTED', 'LOCAL_TX', :sentAt, CURRENT_TIMESTAMP(3))
                """)
                .param("txId", txId)
                .param("orderId", pending.orderId())
                .param("eventType", pending.eventType())
                .param("sentAt", Timestamp.from(pending.sentAt()))
                .update();
    }

    /**
     * The definite answer for a check-back (or for a local transaction whose commit failed). Runs outside
     * any transaction: the INSERT IGNORE blocks while a local transaction holding the row is in flight,
     * then either keeps its COMMITTED row or plants ROLLED_BACK so that a local transaction arriving later
     * fails on the key and rolls back too.
     */
    Status resolve(String txId, String orderId, String eventType, DecidedBy decidedBy, Instant sentAt) {
        jdbc.sql("""
                INSERT IGNORE INTO tx_log (tx_id, order_id, event_type, status, decided_by, sent_at)
                VALUES (:txId, :orderId, :eventType, 'ROLLED_BACK', :decidedBy, :sentAt)
                """)
                .param("txId", txId)
                .param("orderId", orderId)
                .param("eventType", eventType)
                .param("decidedBy", decidedBy.name())
                .param("sentAt", sentAt == null ? null : Timestamp.from(sentAt))
                .update();
        return jdbc.sql("SELECT status FROM tx_log WHERE tx_id = :txId")
                .param("txId", txId)
                .query(String.class)
                .optional()
                .map(Status::valueOf)
                .orElseThrow(() -> new IllegalStateException("tx_log row vanished for " + txId));
    }
}
