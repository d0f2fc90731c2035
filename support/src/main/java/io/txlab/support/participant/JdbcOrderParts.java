package io.txlab.support.participant;

import java.util.Optional;

import io.txlab.support.trace.Traces;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The barrier on the order_part table. The order's event and its cancel race for the same primary key, so an
 * insert waits for a concurrent one to commit and then sees its row: no interleaving can apply after a cancel
 * or miss an undo.
 */
final class JdbcOrderParts implements OrderParts {

    private final JdbcClient jdbc;

    JdbcOrderParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordApplied(String orderId) {
        return insert(orderId, State.APPLIED, null);
    }

    @Override
    public void rejectApplied(String orderId, String reason) {
        jdbc.sql("UPDATE order_part SET state = 'REJECTED', reason = :reason WHERE order_id = :orderId AND state = 'APPLIED'")
                .param("orderId", orderId)
                .param("reason", reason)
                .update();
    }

    @Override
    public void skipLateApply(String orderId, String reason) {
        jdbc.sql("""
                UPDATE order_part SET late_apply_skipped_at = CURRENT_TIMESTAMP(3), reason = :reason
                WHERE order_id = :orderId AND state = 'CANCELLED_FIRST'
                """)
                .param("orderId", orderId)
                .param("reason", reason)
                .update();
    }

    @Override
    public Optional<Verdict> outcome(String orderId, String cancelledReason) {
        return jdbc.sql("SELECT state, reason FROM order_part WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, row) -> switch (State.valueOf(rs.getString("state"))) {
                    case APPLIED, COMPENSATED -> Verdict.accept();
                    case REJECTED -> Verdict.reject(rs.getString("reason"));
                    case CANCELLED_FIRST -> Verdict.reject(cancelledReason);
                })
                .optional();
    }

    @Override
    public CancelOutcome recordCancel(String orderId) {
        if (insert(orderId, State.CANCELLED_FIRST, null)) {
            return CancelOutcome.CANCELLED_FIRST;
        }
        State state = lockedState(orderId)
                .orElseThrow(() -> new IllegalStateException("order_part row of " + orderId + " vanished"));
        return switch (state) {
            case APPLIED -> markCancelled(orderId, State.COMPENSATED) ? CancelOutcome.UNDO : CancelOutcome.REPEATED;
            case REJECTED -> markCancelled(orderId, State.REJECTED) ? CancelOutcome.NOTHING_APPLIED : CancelOutcome.REPEATED;
            case COMPENSATED, CANCELLED_FIRST -> CancelOutcome.REPEATED;
        };
    }

    private boolean insert(String orderId, State state, String reason) {
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO order_part (order_id, state, reason, cancelled_at, trace_id)
                VALUES (:orderId, :state, :reason, CASE WHEN :state = 'CANCELLED_FIRST' THEN CURRENT_TIMESTAMP(3) END,
                        :traceId)
                """)
                .param("traceId", Traces.traceIdOf(orderId))
                .param("orderId", orderId)
                .param("state", state.name())
                .param("reason", reason)
                .update();
        return inserted == 1;
    }

    /** @return false when the row was cancelled already */
    private boolean markCancelled(String orderId, State newState) {
        return jdbc.sql("""
                UPDATE order_part SET state = :state, cancelled_at = CURRENT_TIMESTAMP(3)
                WHERE order_id = :orderId AND cancelled_at IS NULL
                """)
                .param("orderId", orderId)
                .param("state", newState.name())
                .update() == 1;
    }

    /** The latest committed row, locked, whatever this transaction's snapshot holds. */
    private Optional<State> lockedState(String orderId) {
        return jdbc.sql("SELECT state FROM order_part WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId)
                .query(String.class)
                .optional()
                .map(State::valueOf);
    }
}
