package io.txlab.common.messaging;

import java.util.function.Consumer;

import io.txlab.common.event.Event;
import io.txlab.common.json.JsonCodec;
import io.txlab.common.logging.LogContext;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every RocketMQ listener does before its application service: decode the payload with the one
 * codec, put the order in the log context, and drop (with an error log) a payload that can never be
 * read, instead of letting the broker redeliver it until the DLQ. A handler that throws is recorded in
 * delivery_failure and rethrown: the broker redelivers the message with backoff.
 */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final JsonCodec codec;
    private final DeliveryFailures failures;

    InboundEvents(JsonCodec codec, DeliveryFailures failures) {
        this.codec = codec;
        this.failures = failures;
    }

    /** @param consumer the name the handler deduplicates under (inventory, payment, order) */
    public <T extends Event> void dispatch(String consumer, MessageExt message, Class<T> type, Consumer<T> handler) {
        T event;
        try {
            event = codec.decode(message.getBody(), type);
        } catch (JsonCodec.MalformedPayloadException e) {
            log.error("dropping unreadable message msgId={} keys={} topic={}: {}", message.getMsgId(),
                    message.getKeys(), message.getTopic(), e.getMessage());
            return;
        }
        try (var ignored = LogContext.order(event.orderId())) {
            log.info("received {} msgId={} reconsumeTimes={}", event.type(), message.getMsgId(),
                    message.getReconsumeTimes());
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                log.warn("{} failed on {} (reconsumeTimes={}), the broker redelivers it: {}", consumer, event.type(),
                        message.getReconsumeTimes(), e.toString());
                recordFailure(consumer, event, message, e);
                throw e;
            }
        }
    }

    /** Best effort: the database may be what failed. */
    private void recordFailure(String consumer, Event event, MessageExt message, RuntimeException failure) {
        try {
            failures.record(consumer, event.type(), event.orderId(), message.getMsgId(), message.getReconsumeTimes(),
                    failure.toString());
        } catch (RuntimeException e) {
            log.warn("delivery failure not recorded: {}", e.toString());
        }
    }
}
