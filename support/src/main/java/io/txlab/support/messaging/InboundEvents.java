package io.txlab.support.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.txlab.contracts.event.Event;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.logging.LogContext;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.metrics.TxLabMeters.DeadLetterReason;
import io.txlab.support.trace.Span;
import io.txlab.support.trace.Spans;
import io.txlab.support.trace.TraceContext;
import io.txlab.support.trace.Traces;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every RocketMQ listener does before its application service: read the payload as the event the
 * handler expects, put the order in the log context, and park a poison message (a payload that can never be
 * read, another event type, a version newer than this code knows) in the group's DLQ at once, recorded in
 * delivery_failure: it would fail the same way on every redelivery. A handler that throws is recorded in
 * delivery_failure and rethrown: the broker redelivers the message with backoff.
 */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    /** Marks the failure of a message's last delivery in delivery_failure.error. */
    public static final String DEAD_LETTERED = "[last delivery: the broker moves the message to its group's DLQ] ";

    /** delivery_failure.order_id of a parked message that names no order, in its payload or its keys. */
    static final String NO_ORDER = "(none)";

    private final EventReader reader;
    private final DeliveryFailures failures;
    private final int maxReconsumeTimes;
    private final FaultPoints faults;
    private final TxLabMeters meters;
    private final Spans spans;

    InboundEvents(EventReader reader, DeliveryFailures failures, int maxReconsumeTimes, FaultPoints faults,
                  TxLabMeters meters, Spans spans) {
        this.reader = reader;
        this.failures = failures;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.faults = faults;
        this.meters = meters;
        this.spans = spans;
    }

    /**
     * @param consumer the name the handler deduplicates under (inventory, payment, order)
     * @param sendBack the listener's way back to the broker, to park a poison message
     * @throws RuntimeException when the handler throws, or a poison message could not be parked: then the
     *                          broker redelivers the message
     */
    public <T extends Event> void dispatch(String consumer, MessageExt message, Class<T> type, Consumer<T> handler,
                                           SendBack sendBack) {
        Optional<T> event = read(consumer, message, type, sendBack);
        if (event.isPresent()) {
            Consumed consumed = Consumed.of(message, event.get(), spans.start());
            try (var scope = Traces.openForOrders(Map.of(consumed.orderId, consumed.context))) {
                handleAlone(consumer, message, event.get(), handler);
                consumed.finish(spans, consumer, false);
            } catch (RuntimeException e) {
                consumed.finish(spans, consumer, true);
                throw e;
            }
        }
    }

    /**
     * The batch form of {@link #dispatch}: poison messages are parked first, then the handler gets every other
     * event of the batch at once. If it throws, each message is handled alone, so one bad message cannot hold
     * back the others: a message that fails alone is recorded and sent back for redelivery by itself, the rest
     * commit.
     *
     * @throws RuntimeException when a message could not be sent back (parked or for redelivery): then the
     *                          whole batch is delivered again, and what committed finds its dedup rows
     */
    public <T extends Event> void dispatchBatch(String consumer, List<MessageExt> messages, Class<T> type,
                                                Consumer<List<T>> handler, SendBack sendBack) {
        Map<MessageExt, T> events = new LinkedHashMap<>();
        for (MessageExt message : messages) {
            read(consumer, message, type, sendBack).ifPresent(event -> events.put(message, event));
        }
        if (events.isEmpty()) {
            return;
        }
        Map<MessageExt, Consumed> consumed = new LinkedHashMap<>();
        Map<String, TraceContext> byOrder = new HashMap<>();
        events.forEach((message, event) -> {
            Consumed one = Consumed.of(message, event, spans.start());
            consumed.put(message, one);
            byOrder.put(one.orderId, one.context);
        });
        boolean failed = true;
        try (var scope = Traces.openForOrders(byOrder)) {
            handleBatch(consumer, events, handler, sendBack);
            failed = false;
        } finally {
            for (Consumed one : consumed.values()) {
                one.finish(spans, consumer, failed);
            }
        }
    }

    private <T extends Event> void handleBatch(String consumer, Map<MessageExt, T> events,
                                               Consumer<List<T>> handler, SendBack sendBack) {
        if (events.size() == 1) {
            var only = events.entrySet().iterator().next();
            handleAlone(consumer, only.getKey(), only.getValue(), event -> handler.accept(List.of(event)));
            return;
        }
        try {
            events.forEach((message, event) -> received(consumer, message, event));
            handler.accept(List.copyOf(events.values()));
            events.values().forEach(event -> faults.pass(FaultPoint.AFTER_DB_COMMIT));
            meters.consumed(consumer, events.values().iterator().next().type(), events.size());
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

    /**
     * One delivered message's trace: the context it carries continued in a span of its consumption (or a new
     * trace, for a message sent without one). Rows, log lines and the messages its handling sends carry it.
     */
    private record Consumed(String orderId, String type, TraceContext context, String parentId, Instant start) {

        static Consumed of(MessageExt message, Event event, Instant start) {
            Optional<TraceContext> sent = TraceContext.parse(message.getUserProperty(TraceContext.TRACEPARENT),
                    message.getUserProperty(TraceContext.TRACESTATE));
            return new Consumed(event.orderId(), event.type(),
                    sent.map(TraceContext::child).orElseGet(TraceContext::newTrace),
                    sent.map(TraceContext::spanId).orElse(null), start);
        }

        void finish(Spans spans, String consumer, boolean failed) {
            if (!spans.exporting()) {
                return;
            }
            spans.finish("consume " + type + " (" + consumer + ")", Span.Kind.CONSUMER, context, parentId,
                    start, Map.of("orderId", orderId, "messaging.consumer.group.name", consumer), failed);
        }
    }

    private <T extends Event> Optional<T> read(String consumer, MessageExt message, Class<T> type,
                                               SendBack sendBack) {
        try {
            return Optional.of(reader.read(message, type));
        } catch (PoisonMessage poison) {
            park(consumer, message, poison, sendBack);
            return Optional.empty();
        }
    }

    /**
     * The DLQ first, then the record: a message parked and not recorded is still listed by scripts/dlq.sh,
     * while one recorded as parked and not parked would be a false record.
     */
    private void park(String consumer, MessageExt message, PoisonMessage poison, SendBack sendBack) {
        String orderId = orderOf(message, poison);
        try (var ignored = LogContext.order(orderId)) {
            try {
                sendBack.park(message);
            } catch (RuntimeException e) {
                boolean last = message.getReconsumeTimes() >= maxReconsumeTimes;
                log.warn("{} could not park msgId={} ({}), the broker redelivers it: {}", consumer,
                        message.getMsgId(), poison.getMessage(), e.toString());
                recordFailure(consumer, poison.claimedType(), orderId, message,
                        (last ? DEAD_LETTERED : "") + "not parked (" + poison.reason() + "): " + e,
                        last ? DeadLetterReason.RETRIES_EXHAUSTED : null);
                throw e;
            }
            log.error("{} parked msgId={} keys={} topic={} in its group's DLQ, not retried: {}", consumer,
                    message.getMsgId(), message.getKeys(), message.getTopic(), poison.getMessage());
            recordFailure(consumer, poison.claimedType(), orderId, message, poison.error(), DeadLetterReason.POISON);
        }
    }

    /** The payload's order if it names one, else the message key, which every TxLab producer sets to it. */
    private static String orderOf(MessageExt message, PoisonMessage poison) {
        if (poison.orderId() != null) {
            return poison.orderId();
        }
        String keys = message.getKeys();
        return keys == null || keys.isBlank() ? NO_ORDER : keys;
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
            faults.pass(FaultPoint.CONSUME);
        }
    }

    private <T extends Event> void handleAlone(String consumer, MessageExt message, T event, Consumer<T> handler) {
        try (var ignored = LogContext.order(event.orderId())) {
            try {
                received(consumer, message, event);
                handler.accept(event);
                faults.pass(FaultPoint.AFTER_DB_COMMIT);
                meters.consumed(consumer, event.type(), 1);
            } catch (RuntimeException e) {
                boolean last = message.getReconsumeTimes() >= maxReconsumeTimes;
                if (last) {
                    log.error("{} failed on {} for the last time (reconsumeTimes={}): it goes to the DLQ: {}", consumer,
                            event.type(), message.getReconsumeTimes(), e.toString());
                } else {
                    log.warn("{} failed on {} (reconsumeTimes={}), the broker redelivers it: {}", consumer,
                            event.type(), message.getReconsumeTimes(), e.toString());
                }
                recordFailure(consumer, event.type(), event.orderId(), message, (last ? DEAD_LETTERED : "") + e,
                        last ? DeadLetterReason.RETRIES_EXHAUSTED : null);
                throw e;
            }
        }
    }

    /** Best effort: the database may be what failed. */
    /** Counts and records a failed delivery; {@code deadLettered} when the broker moves it to the DLQ, else null. */
    private void recordFailure(String consumer, String eventType, String orderId, MessageExt message, String error,
                               DeadLetterReason deadLettered) {
        meters.deliveryFailed(consumer, eventType);
        if (deadLettered != null) {
            meters.deadLettered(consumer, eventType, deadLettered);
        }
        try {
            failures.record(consumer, eventType, orderId, message.getMsgId(), message.getReconsumeTimes(), error);
        } catch (RuntimeException e) {
            log.warn("delivery failure not recorded: {}", e.toString());
        }
    }
}
