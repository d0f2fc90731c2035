package io.txlab.support.logging;

import io.txlab.support.trace.Traces;
import org.slf4j.MDC;

/**
 * Puts orderId, txId and traceId into the logging context for a block:
 * {@code try (var ignored = LogContext.order(id)) {...}}. The trace id is the one current for that order
 * ({@link Traces}); where none is, the enclosing block's stays.
 */
public final class LogContext implements AutoCloseable {

    public static final String ORDER_ID = "orderId";
    public static final String TX_ID = "txId";
    public static final String TRACE_ID = "traceId";

    private final String previousOrderId;
    private final String previousTxId;
    private final String previousTraceId;

    private LogContext(String orderId, String txId, String traceId) {
        previousOrderId = MDC.get(ORDER_ID);
        previousTxId = MDC.get(TX_ID);
        previousTraceId = MDC.get(TRACE_ID);
        put(ORDER_ID, orderId);
        put(TX_ID, txId);
        put(TRACE_ID, traceId == null ? previousTraceId : traceId);
    }

    public static LogContext order(String orderId) {
        return new LogContext(orderId, MDC.get(TX_ID), Traces.traceIdOf(orderId));
    }

    public static LogContext transaction(String orderId, String txId) {
        return new LogContext(orderId, txId, Traces.traceIdOf(orderId));
    }

    /** A request's trace, before it knows its order. */
    public static LogContext trace(String traceId) {
        return new LogContext(MDC.get(ORDER_ID), MDC.get(TX_ID), traceId);
    }

    @Override
    public void close() {
        put(ORDER_ID, previousOrderId);
        put(TX_ID, previousTxId);
        put(TRACE_ID, previousTraceId);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
