package io.txlab.support.logging;

import org.slf4j.MDC;

/** Puts orderId and txId into the logging context for a block: {@code try (var ignored = LogContext.order(id)) {...}}. */
public final class LogContext implements AutoCloseable {

    public static final String ORDER_ID = "orderId";
    public static final String TX_ID = "txId";

    private final String previousOrderId;
    private final String previousTxId;

    private LogContext(String orderId, String txId) {
        previousOrderId = MDC.get(ORDER_ID);
        previousTxId = MDC.get(TX_ID);
        put(ORDER_ID, orderId);
        put(TX_ID, txId);
    }

    public static LogContext order(String orderId) {
        return new LogContext(orderId, MDC.get(TX_ID));
    }

    public static LogContext transaction(String orderId, String txId) {
        return new LogContext(orderId, txId);
    }

    @Override
    public void close() {
        put(ORDER_ID, previousOrderId);
        put(TX_ID, previousTxId);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
