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
 * read, instead of letting the broker redeliver it until the DLQ. A handler that throws is redelivered.
 */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final JsonCodec codec;

    public InboundEvents(JsonCodec codec) {
        this.codec = codec;
    }

    public <T extends Event> void dispatch(MessageExt message, Class<T> type, Consumer<T> handler) {
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
            handler.accept(event);
        }
    }
}
