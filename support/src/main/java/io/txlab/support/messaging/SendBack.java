package io.txlab.support.messaging;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;

/** Sends a delivered message back to the broker for its consumer group, which then acknowledges it. */
public interface SendBack {

    /** For redelivery with the broker's backoff, or to the group's DLQ after the last try. */
    void retry(MessageExt message);

    /** Straight to the group's DLQ, {@code %DLQ%<group>}, without another delivery. */
    void park(MessageExt message);

    /** Through the consumer that received the message, to the broker it came from. */
    static SendBack through(DefaultMQPushConsumer consumer) {
        return new BrokerSendBack(consumer);
    }
}
