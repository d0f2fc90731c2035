package io.txlab.order.ordering.outbox;

import java.util.List;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends outbox rows as plain messages, all of a batch in one request (a RocketMQ batch: one topic, no
 * delay). Each message looks to a consumer exactly like a committed half message of TransactionalPublisher:
 * same topic and tag, KEYS = the order id, the eventType user property, the same payload bytes.
 */
@Component
class BrokerBatchSender {

    /** TransactionalPublisher's property name, which the check-back reads; consumers may read it too. */
    static final String EVENT_TYPE_PROPERTY = "eventType";

    private final DefaultMQProducer producer;

    /** The order service's one producer, which RocketMQTemplate started; plain sends need no listener. */
    BrokerBatchSender(RocketMQTemplate template) {
        this.producer = template.getProducer();
    }

    /** @throws NotSentException unless the broker stored every message of the batch */
    void send(List<OutboxEvent> events) {
        List<Message> messages = events.stream().map(BrokerBatchSender::message).toList();
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

    static Message message(OutboxEvent event) {
        Message message = new Message(event.topic(), event.tag(), event.orderId(), event.payload());
        message.putUserProperty(EVENT_TYPE_PROPERTY, event.eventType());
        return message;
    }

    static final class NotSentException extends RuntimeException {
        NotSentException(String why, Throwable cause) {
            super("outbox batch not sent: " + why, cause);
        }
    }
}
