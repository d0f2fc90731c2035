package io.txlab.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.txlab.contracts.event.Event;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Sends an event as a plain message, the way a replay tool, a broker redelivery or a second sender would:
 * for tests that deliver something twice, or out of order.
 */
public final class Messages {

    private Messages() {
    }

    public static void sendToOrderEvents(Platform platform, Event event) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("txlab-it-replayer");
        producer.setNamesrvAddr(platform.stack().namesrvAddr());
        producer.start();
        try {
            Message message = new Message(Topics.ORDER_EVENTS, event.type(), event.orderId(), new JsonCodec().encode(event));
            assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
    }
}
