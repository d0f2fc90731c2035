package io.txlab.support.participant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * One multi-row {@code INSERT IGNORE}, in key order like any other batch's. It affects one row per barrier it
     * planted, so a count equal to the batch's size, the common case, needs no read. Otherwise the rows that
     * were there are read with a locking read: a cancel that committed while this insert waited on its row is
     * seen whatever this transaction's snapshot holds.
     */
    @Override
    public Set<String> recordAllApplied(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        List<String> inKeyOrder = orderIds.stream().sorted().toList();
        int planted = jdbc.sql("INSERT IGNORE INTO order_part (order_id, state, trace_id) VALUES :rows")
                .param("rows", inKeyOrder.stream()
                        .map(orderId -> new Object[] {orderId, State.APPLIED.name(), Traces.traceIdOf(orderId)})
                        .toList())
                .update();
        if (planted == inKeyOrder.size()) {
            return Set.of();
        }
        Set<String> cancelledFirst = lockedCancelledFirst(inKeyOrder);
        if (planted + cancelledFirst.size() != inKeyOrder.size()) {
            // a row that a cancel did not plant means an earlier event of the order: the dedup row rules it out
            throw new IllegalStateException("order_part rows of " + inKeyOrder + " that no cancel planted");
        }
        return cancelledFirst;
    }

    private Set<String> lockedCancelledFirst(List<String> orderIds) {
        return Set.copyOf(jdbc.sql("""
                SELECT order_id FROM order_part WHERE order_id IN (:orderIds) AND state = 'CANCELLED_FIRST' FOR UPDATE
                """)
                .param("orderIds", orderIds)
                .query(String.class)
                .list());
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
        if (insertCancelledFirst(orderId)) {
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

    private boolean insertCancelledFirst(String orderId) {
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO order_part (order_id, state, cancelled_at, trace_id)
                VALUES (:orderId, 'CANCELLED_FIRST', CURRENT_TIMESTAMP(3), :traceId)
                """)
                .param("traceId", Traces.traceIdOf(orderId))
                .param("orderId", orderId)
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
