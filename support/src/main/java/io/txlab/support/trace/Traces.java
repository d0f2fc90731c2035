package io.txlab.support.trace;

import java.util.Map;
import java.util.Optional;

/**
 * The trace contexts of the work this thread is doing: one for an HTTP request or a check-back, one per order
 * for a batch of consumed messages. Writers look the context up by order id, so a batch's rows and replies
 * each carry their own order's trace without a parameter threaded through every call; an order the scope does
 * not name gets the scope's single context, if it has one.
 */
public final class Traces {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Traces() {
    }

    /** Makes {@code context} the current one until the scope is closed. */
    public static Scope open(TraceContext context) {
        return new Scope(context, Map.of());
    }

    /** Makes each order's context current for that order until the scope is closed. */
    public static Scope openForOrders(Map<String, TraceContext> byOrder) {
        return new Scope(byOrder.size() == 1 ? byOrder.values().iterator().next() : null, Map.copyOf(byOrder));
    }

    /** The context of {@code orderId}'s work on this thread (or of this thread's one piece of work). */
    public static Optional<TraceContext> forOrder(String orderId) {
        Scope scope = CURRENT.get();
        if (scope == null) {
            return Optional.empty();
        }
        TraceContext own = orderId == null ? null : scope.byOrder.get(orderId);
        return Optional.ofNullable(own != null ? own : scope.single);
    }

    /** The trace id to store with a row of {@code orderId}, null when no trace is current. */
    public static String traceIdOf(String orderId) {
        return forOrder(orderId).map(TraceContext::traceId).orElse(null);
    }

    /** The context this thread works in when it names no order. */
    public static Optional<TraceContext> current() {
        return forOrder(null);
    }

    /** Restores the scope it replaced when closed; close it on the thread that opened it. */
    public static final class Scope implements AutoCloseable {

        private final TraceContext single;
        private final Map<String, TraceContext> byOrder;
        private final Scope previous;

        private Scope(TraceContext single, Map<String, TraceContext> byOrder) {
            this.single = single;
            this.byOrder = byOrder;
            this.previous = CURRENT.get();
            CURRENT.set(this);
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
