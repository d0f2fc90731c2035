package io.txlab.support.messaging;

import java.util.List;

import io.txlab.support.trace.TraceContext;
import io.txlab.support.trace.Traces;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingException;

/**
 * Sends plain (not transactional) messages, all of a batch in one request (a RocketMQ batch: one topic, no
 * delay). Each message looks to a consumer exactly like a committed half message of TransactionalPublisher:
 * same topic and tag, KEYS = the order id, the eventType user property, the codec's payload bytes, and the
 * trace context current for its order ({@link Traces}) as traceparent/tracestate. Used
 * where a stored record already makes the send repeatable: the outbox row, a participant's barrier row.
 */
public final class PlainMessages {

    /** TransactionalPublisher's property name, which the check-back reads; consumers may read it too. */
    static final String EVENT_TYPE_PROPERTY = "eventType";

    /** One message to send. */
    public record Outgoing(String topic, String tag, String orderId, String eventType, byte[] payload) {
    }

    private final DefaultMQProducer producer;

    /** @param producer the service's one producer (RocketMQTemplate's); plain sends need no listener */
    PlainMessages(DefaultMQProducer producer) {
        this.producer = producer;
    }

    /** @throws NotSentException unless the broker stored every message of the batch */
    public void send(List<Outgoing> batch) {
        List<Message> messages = batch.stream().map(PlainMessages::message).toList();
        SendResult result;
        try {
            result = messages.size() == 1 ? producer.send(messages.get(0)) : producer.send(messages);
        } catch (MQClientException | RemotingException | MQBrokerException e) {
            throw new NotSentException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotSentException("interrupted", e);
        }
        // Anything but SEND_OK (not flushed, not replicated) is sent again: a duplicate is harmless, a loss not.
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new NotSentException("broker answered " + result.getSendStatus(), null);
        }
    }

    static Message message(Outgoing outgoing) {
        Message message = new Message(outgoing.topic(), outgoing.tag(), outgoing.orderId(), outgoing.payload());
        message.putUserProperty(EVENT_TYPE_PROPERTY, outgoing.eventType());
        Traces.forOrder(outgoing.orderId()).ifPresent(context -> {
            message.putUserProperty(TraceContext.TRACEPARENT, context.traceparent());
            if (context.traceState() != null) {
                message.putUserProperty(TraceContext.TRACESTATE, context.traceState());
            }
        });
        return message;
    }

    public static final class NotSentException extends RuntimeException {
        NotSentException(String why, Throwable cause) {
            super("batch not sent: " + why, cause);
        }
    }
}
