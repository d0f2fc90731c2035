package io.txlab.support.tx;

import java.sql.Timestamp;
import java.time.Instant;

import io.txlab.support.trace.Traces;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tx_log table: {@link TransactionLog} in SQL, its row locks doing the waiting. */
final class JdbcTransactionLog implements TransactionLog {

    private final JdbcClient jdbc;

    JdbcTransactionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordCommitted(String txId, PendingPublish pending) {
        jdbc.sql("""
                INSERT INTO tx_log (tx_id, order_id, event_type, status, decided_by, sent_at, committed_at, trace_id)
                VALUES (:txId, :orderId, :eventType, 'COMMITTED', 'LOCAL_TX', :sentAt, CURRENT_TIMESTAMP(3), :traceId)
                """)
                .param("traceId", Traces.traceIdOf(pending.orderId()))
                .param("txId", txId)
                .param("orderId", pending.orderId())
                .param("eventType", pending.eventType())
                .param("sentAt", Timestamp.from(pending.sentAt()))
                .update();
    }

    /** The INSERT IGNORE blocks on the row's lock while a local transaction holding it is in flight. */
    @Override
    public Status resolve(String txId, String orderId, String eventType, DecidedBy decidedBy, Instant sentAt) {
        jdbc.sql("""
                INSERT IGNORE INTO tx_log (tx_id, order_id, event_type, status, decided_by, sent_at, trace_id)
                VALUES (:txId, :orderId, :eventType, 'ROLLED_BACK', :decidedBy, :sentAt, :traceId)
                """)
                .param("traceId", Traces.traceIdOf(orderId))
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
