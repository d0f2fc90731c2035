package io.txlab.support.tx;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.txlab.contracts.event.Event;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.trace.Span;
import io.txlab.support.trace.Spans;
import io.txlab.support.trace.TraceContext;
import io.txlab.support.trace.Traces;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The RocketMQ adapter of {@link TransactionalPublisher}: sends the event as a half message, runs the
 * caller's local transaction in the producer's callback, and lets the broker deliver the event only if that
 * transaction committed. One half message per publish (the hot path).
 */
final class RocketMqTransactionalPublisher implements TransactionalPublisher {

    /** The message property that names the event's type, read back by the check-back. */
    static final String EVENT_TYPE_PROPERTY = "eventType";

    private final RocketMQTemplate template;
    private final JsonCodec codec;
    private final Clock clock;
    private final TxLabMeters meters;
    private final Spans spans;

    RocketMqTransactionalPublisher(RocketMQTemplate template, JsonCodec codec, HalfMessageListener listener,
                                   Clock clock, TxLabMeters meters, Spans spans) {
        this.template = template;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
        this.spans = spans;
        TransactionMQProducer producer = (TransactionMQProducer) template.getProducer();
        producer.setTransactionListener(listener);
        ProducerPresence.announce(producer, Topics.ALL);
    }

    @Override
    public PublishResult publish(String topic, String tag, Event event, LocalTransaction localTransaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // The local transaction would join the caller's and "commit" before it really does: the broker
            // would be told COMMIT for work that can still roll back.
            throw new IllegalStateException("publish must not be called inside a database transaction");
        }
        // The half message carries the span of its publication; the local transaction runs in it, on this
        // thread, so its rows store the trace id. No trace yet (a sweeper's cancel): this one starts one.
        Optional<TraceContext> parent = Traces.forOrder(event.orderId());
        TraceContext publication = parent.map(TraceContext::child).orElseGet(TraceContext::newTrace);
        Instant start = spans.start();
        PendingPublish pending = new PendingPublish(event.orderId(), event.type(), clock.instant(), localTransaction);
        TransactionSendResult sent;
        try (var scope = Traces.openForOrders(Map.of(event.orderId(), publication))) {
            sent = template.sendMessageInTransaction(topic + ":" + tag, message(event, publication), pending);
        } catch (MessagingException e) {
            throw new BrokerUnavailableException(topic, e);
        } finally {
            if (spans.exporting()) {
                spans.finish("publish " + event.type(), Span.Kind.PRODUCER, publication,
                        parent.map(TraceContext::spanId).orElse(null), start,
                        Map.of("orderId", event.orderId(), "messaging.destination.name", topic),
                        pending.outcome() != PublishResult.Outcome.COMMITTED);
            }
        }
        if (pending.outcome() == null) {
            throw new BrokerUnavailableException(topic, "half message not stored: " + sent.getSendStatus());
        }
        meters.halfMessage(event.type(), pending.outcome().name());
        return new PublishResult(sent.getTransactionId(), pending.outcome(), Optional.ofNullable(pending.failure()));
    }

    private Message<byte[]> message(Event event, TraceContext publication) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(codec.encode(event))
                .setHeader(RocketMQHeaders.KEYS, event.orderId())
                .setHeader(EVENT_TYPE_PROPERTY, event.type())
                .setHeader(TraceContext.TRACEPARENT, publication.traceparent());
        if (publication.traceState() != null) {
            message.setHeader(TraceContext.TRACESTATE, publication.traceState());
        }
        return message.build();
    }
}
