package io.txlab.common.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.txlab.common.event.Event;
import io.txlab.common.fault.FaultPoints;
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

    /** Marks the failure of a message's last delivery in delivery_failure.error. */
    public static final String DEAD_LETTERED = "[last delivery: the broker moves the message to its group's DLQ] ";

    private final JsonCodec codec;
    private final DeliveryFailures failures;
    private final int maxReconsumeTimes;
    private final FaultPoints faults;

    InboundEvents(JsonCodec codec, DeliveryFailures failures, int maxReconsumeTimes, FaultPoints faults) {
        this.codec = codec;
        this.failures = failures;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.faults = faults;
    }

    /** @param consumer the name the handler deduplicates under (inventory, payment, order) */
    public <T extends Event> void dispatch(String consumer, MessageExt message, Class<T> type, Consumer<T> handler) {
        decode(message, type).ifPresent(event -> handleAlone(consumer, message, event, handler));
    }

    /**
     * The batch form of {@link #dispatch}: the handler gets every readable event of the batch at once. If it
     * throws, each message is handled alone, so one bad message cannot hold back the others: a message that
     * fails alone is recorded and sent back for redelivery by itself, the rest commit.
     *
     * @throws RuntimeException when a failed message could not be sent back: then the whole batch is
     *                          delivered again, and what committed finds its dedup rows
     */
    public <T extends Event> void dispatchBatch(String consumer, List<MessageExt> messages, Class<T> type,
                                                Consumer<List<T>> handler, SendBack sendBack) {
        Map<MessageExt, T> events = new LinkedHashMap<>();
        for (MessageExt message : messages) {
            decode(message, type).ifPresent(event -> events.put(message, event));
        }
        if (events.size() == 1) {
            var only = events.entrySet().iterator().next();
            handleAlone(consumer, only.getKey(), only.getValue(), event -> handler.accept(List.of(event)));
            return;
        }
        try {
            events.forEach((message, event) -> received(consumer, message, event));
            handler.accept(List.copyOf(events.values()));
            events.values().forEach(event -> faults.pass(consumer + ".after-db-commit"));
        } catch (RuntimeException e) {
            log.warn("{} failed on a batch of {} ({}): handling each message alone", consumer, events.size(),
                    e.toString());
            events.forEach((message, event) -> {
                try {
                    handleAlone(consumer, message, event, alone -> handler.accept(List.of(alone)));
                } catch (RuntimeException alone) {
                    sendBack.retry(message);
                }
            });
        }
    }

    private <T extends Event> Optional<T> decode(MessageExt message, Class<T> type) {
        try {
            return Optional.of(codec.decode(message.getBody(), type));
        } catch (JsonCodec.MalformedPayloadException e) {
            log.error("dropping unreadable message msgId={} keys={} topic={}: {}", message.getMsgId(),
                    message.getKeys(), message.getTopic(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A first delivery is routine (the handler logs its decision); a redelivery is worth seeing. */
    private void received(String consumer, MessageExt message, Event event) {
        try (var ignored = LogContext.order(event.orderId())) {
            if (message.getReconsumeTimes() > 0) {
                log.info("received {} msgId={} again, reconsumeTimes={}", event.type(), message.getMsgId(),
                        message.getReconsumeTimes());
            } else {
                log.debug("received {} msgId={}", event.type(), message.getMsgId());
            }
            faults.pass(consumer + ".consume");
        }
    }

    private <T extends Event> void handleAlone(String consumer, MessageExt message, T event, Consumer<T> handler) {
        try (var ignored = LogContext.order(event.orderId())) {
            try {
                received(consumer, message, event);
                handler.accept(event);
                faults.pass(consumer + ".after-db-commit");
            } catch (RuntimeException e) {
                boolean last = message.getReconsumeTimes() >= maxReconsumeTimes;
                if (last) {
                    log.error("{} failed on {} for the last time (reconsumeTimes={}): it goes to the DLQ: {}", consumer,
                            event.type(), message.getReconsumeTimes(), e.toString());
                } else {
                    log.warn("{} failed on {} (reconsumeTimes={}), the broker redelivers it: {}", consumer,
                            event.type(), message.getReconsumeTimes(), e.toString());
                }
                recordFailure(consumer, event, message, (last ? DEAD_LETTERED : "") + e);
                throw e;
            }
        }
    }

    /** Best effort: the database may be what failed. */
    private void recordFailure(String consumer, Event event, MessageExt message, String error) {
        try {
            failures.record(consumer, event.type(), event.orderId(), message.getMsgId(), message.getReconsumeTimes(),
                    error);
        } catch (RuntimeException e) {
            log.warn("delivery failure not recorded: {}", e.toString());
        }
    }
}
