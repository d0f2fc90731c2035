package io.txlab.common.tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The check_back table: every check-back this service answered, for reviewers. */
final class CheckBackLog {

    private final JdbcClient jdbc;

    CheckBackLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Both times come from this JVM's clock, so that they compare with each other. */
    void record(String txId, String orderId, int attempt, CheckBack.Answer answer, String instance,
                Instant receivedAt, Instant answeredAt) {
        jdbc.sql("""
                INSERT INTO check_back (tx_id, order_id, attempt, answer, instance, received_at, checked_at)
                VALUES (:txId, :orderId, :attempt, :answer, :instance, :receivedAt, :answeredAt)
                """)
                .param("txId", txId)
                .param("orderId", orderId)
                .param("attempt", attempt)
                .param("answer", answer.name())
                .param("instance", instance)
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("answeredAt", Timestamp.from(answeredAt))
                .update();
    }

    List<CheckBack> findByOrderId(String orderId) {
        return jdbc.sql("""
                SELECT tx_id, order_id, attempt, answer, instance, received_at, checked_at
                FROM check_back WHERE order_id = :orderId ORDER BY checked_at, id
                """)
                .param("orderId", orderId)
                .query(CheckBackLog::map)
                .list();
    }

    private static CheckBack map(ResultSet rs, int row) throws SQLException {
        return new CheckBack(rs.getString("tx_id"), rs.getString("order_id"), rs.getInt("attempt"),
                CheckBack.Answer.valueOf(rs.getString("answer")), rs.getString("instance"),
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("checked_at").toInstant());
    }
}
