package io.txlab.order.ordering.messaging;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Topics;
import io.txlab.order.ordering.application.PlainOrderCreatedSender;
import io.txlab.support.json.JsonCodec;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/** The dual write's send: the payload alone, synchronously, through the service's producer. Chaos profile only. */
@Component
@Profile("chaos")
class RocketMqPlainOrderCreatedSender implements PlainOrderCreatedSender {

    private final RocketMQTemplate rocketMq;
    private final JsonCodec codec;

    RocketMqPlainOrderCreatedSender(RocketMQTemplate rocketMq, JsonCodec codec) {
        this.rocketMq = rocketMq;
        this.codec = codec;
    }

    @Override
    public void send(OrderCreated event) {
        rocketMq.syncSend(Topics.ORDER_EVENTS + ":" + OrderCreated.TYPE,
                MessageBuilder.withPayload(codec.encode(event)).build());
    }
}
