package io.txlab.support.trace;

import java.util.Optional;

/**
 * Port: the trace an order's first half message started, for work that has no request or message behind it
 * (the sweeper's cancel), so that it joins its order's trace instead of starting another.
 */
@FunctionalInterface
public interface OrderTraces {

    /** The order's trace id, if its rows keep one. */
    Optional<String> traceIdOf(String orderId);

    /**
     * Makes a new span of the order's trace current for the order until closed; a new trace when its rows
     * keep none.
     */
    default Traces.Scope continueTrace(String orderId) {
        TraceContext context = traceIdOf(orderId)
                .map(traceId -> new TraceContext(traceId, TraceContext.newTrace().spanId(), "01", null))
                .orElseGet(TraceContext::newTrace);
        return Traces.openForOrders(java.util.Map.of(orderId, context));
    }
}
