package io.txlab.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

/** What a consumer of a relayed row sees must be what it sees of a committed half message. */
class PlainMessagesTest {

    @Test
    void anOutgoingEventBecomesAMessageWithTheHalfMessagesTopicTagKeysEventTypeAndBytes() {
        byte[] payload = "{\"type\":\"OrderCreated\"}".getBytes(StandardCharsets.UTF_8);

        Message message = PlainMessages.message(
                new PlainMessages.Outgoing("txlab-order-events", "OrderCreated", "order-1", "OrderCreated", payload));

        assertThat(message.getTopic()).isEqualTo("txlab-order-events");
        assertThat(message.getTags()).isEqualTo("OrderCreated");
        assertThat(message.getKeys()).isEqualTo("order-1");
        assertThat(message.getUserProperty("eventType")).isEqualTo("OrderCreated");
        assertThat(message.getBody()).isEqualTo(payload);
    }
}
