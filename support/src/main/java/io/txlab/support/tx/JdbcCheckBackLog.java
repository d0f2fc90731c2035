package io.txlab.support.tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The check_back table: {@link CheckBackLog} in SQL. */
final class JdbcCheckBackLog implements CheckBackLog {

    private static final String COLUMNS = """
            tx_id, order_id, event_type, attempt, answer, instance, received_at, checked_at, trace_id, broker
            """;

    private final JdbcClient jdbc;

    JdbcCheckBackLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(CheckBack checkBack) {
        jdbc.sql("""
                INSERT INTO check_back (tx_id, order_id, event_type, attempt, answer, instance, received_at, checked_at,
                                        trace_id, broker)
                VALUES (:txId, :orderId, :eventType, :attempt, :answer, :instance, :receivedAt, :answeredAt, :traceId,
                        :broker)
                """)
                .param("broker", checkBack.broker())
                .param("traceId", checkBack.traceId())
                .param("txId", checkBack.txId())
                .param("orderId", checkBack.orderId())
                .param("eventType", checkBack.eventType())
                .param("attempt", checkBack.attempt())
                .param("answer", checkBack.answer().name())
                .param("instance", checkBack.instance())
                .param("receivedAt", Timestamp.from(checkBack.receivedAt()))
                .param("answeredAt", Timestamp.from(checkBack.answeredAt()))
                .update();
    }

    @Override
    public List<CheckBack> findByOrderId(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM check_back WHERE order_id = :orderId ORDER BY checked_at, id")
                .param("orderId", orderId)
                .query(JdbcCheckBackLog::map)
                .list();
    }

    @Override
    public List<CheckBack> findBetween(Instant since, Instant until, Optional<CheckBack.Answer> answer, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                FROM check_back
                WHERE checked_at >= :since AND checked_at < :until AND (:answer IS NULL OR answer = :answer)
                ORDER BY checked_at DESC, id DESC
                LIMIT :limit
                """)
                .param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .param("answer", answer.map(Enum::name).orElse(null))
                .param("limit", limit)
                .query(JdbcCheckBackLog::map)
                .list();
    }

    /** ix_check_back_time bounds the scan to the window; the tx_log lookup is by its primary key. */
    @Override
    public List<InFlightTransaction> findUndecided(Instant since, int limit) {
        return jdbc.sql("""
                SELECT cb.tx_id, MIN(cb.order_id) AS order_id, MIN(cb.event_type) AS event_type,
                       COUNT(*) AS attempts, MIN(cb.received_at) AS first_check, MAX(cb.checked_at) AS last_check
                FROM check_back cb
                WHERE cb.checked_at >= :since
                  AND NOT EXISTS (SELECT 1 FROM tx_log t WHERE t.tx_id = cb.tx_id)
                GROUP BY cb.tx_id
                HAVING SUM(cb.answer <> 'UNKNOWN') = 0
                ORDER BY first_check, cb.tx_id
                LIMIT :limit
                """)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, row) -> new InFlightTransaction(rs.getString("tx_id"), rs.getString("order_id"),
                        rs.getString("event_type"), rs.getInt("attempts"), rs.getTimestamp("first_check").toInstant(),
                        rs.getTimestamp("last_check").toInstant()))
                .list();
    }

    private static CheckBack map(ResultSet rs, int row) throws SQLException {
        return new CheckBack(rs.getString("tx_id"), rs.getString("order_id"), rs.getString("event_type"),
                rs.getInt("attempt"), CheckBack.Answer.valueOf(rs.getString("answer")), rs.getString("instance"),
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("checked_at").toInstant(),
                rs.getString("trace_id"), rs.getString("broker"));
    }
}
