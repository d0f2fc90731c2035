package io.txlab.order.ordering.outbox;

import java.util.Optional;

import io.txlab.support.messaging.PlainMessages;
import io.txlab.support.trace.TraceContext;

/**
 * An outbox row as the relay sends it: the encoded event and where it goes.
 *
 * @param traceParent the trace context of the request that wrote the row, null for rows from before traces
 */
record OutboxEvent(long id, String orderId, String topic, String tag, String eventType, byte[] payload,
                   String traceParent) {

    /** The order's trace, continued in the relay's send. */
    Optional<TraceContext> trace() {
        return TraceContext.parse(traceParent, null);
    }

    PlainMessages.Outgoing outgoing() {
        return new PlainMessages.Outgoing(topic, tag, orderId, eventType, payload);
    }
}
