package io.txlab.support.participant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The order_part barrier in memory: the same rows and transitions as JdbcOrderParts, without a database. */
final class InMemoryOrderParts implements OrderParts {

    private record Row(State state, String reason, boolean cancelled, boolean lateApplySkipped) {
    }

    private final Map<String, Row> rows = new HashMap<>();

    @Override
    public Set<String> recordAllApplied(List<String> orderIds) {
        Set<String> cancelledFirst = new HashSet<>();
        for (String orderId : orderIds) {
            Row existing = rows.putIfAbsent(orderId, new Row(State.APPLIED, null, false, false));
            if (existing != null && existing.state() != State.CANCELLED_FIRST) {
                throw new IllegalStateException("order_part row of " + orderId + " that no cancel planted");
            }
            if (existing != null) {
                cancelledFirst.add(orderId);
            }
        }
        return cancelledFirst;
    }

    @Override
    public void rejectApplied(String orderId, String reason) {
        rows.computeIfPresent(orderId, (id, row) -> row.state() == State.APPLIED
                ? new Row(State.REJECTED, reason, row.cancelled(), row.lateApplySkipped()) : row);
    }

    @Override
    public void skipLateApply(String orderId, String reason) {
        rows.computeIfPresent(orderId, (id, row) -> row.state() == State.CANCELLED_FIRST
                ? new Row(row.state(), reason, row.cancelled(), true) : row);
    }

    @Override
    public Optional<Verdict> outcome(String orderId, String cancelledReason) {
        return Optional.ofNullable(rows.get(orderId)).map(row -> switch (row.state()) {
            case APPLIED, COMPENSATED -> Verdict.accept();
            case REJECTED -> Verdict.reject(row.reason());
            case CANCELLED_FIRST -> Verdict.reject(cancelledReason);
        });
    }

    @Override
    public CancelOutcome recordCancel(String orderId) {
        Row row = rows.get(orderId);
        if (row == null) {
            rows.put(orderId, new Row(State.CANCELLED_FIRST, null, true, false));
            return CancelOutcome.CANCELLED_FIRST;
        }
        if (row.cancelled()) {
            return CancelOutcome.REPEATED;
        }
        return switch (row.state()) {
            case APPLIED -> {
                rows.put(orderId, new Row(State.COMPENSATED, row.reason(), true, false));
                yield CancelOutcome.UNDO;
            }
            case REJECTED -> {
                rows.put(orderId, new Row(State.REJECTED, row.reason(), true, false));
                yield CancelOutcome.NOTHING_APPLIED;
            }
            case COMPENSATED, CANCELLED_FIRST -> CancelOutcome.REPEATED;
        };
    }

    Optional<State> state(String orderId) {
        return Optional.ofNullable(rows.get(orderId)).map(Row::state);
    }

    boolean lateApplySkipped(String orderId) {
        return rows.containsKey(orderId) && rows.get(orderId).lateApplySkipped();
    }
}
