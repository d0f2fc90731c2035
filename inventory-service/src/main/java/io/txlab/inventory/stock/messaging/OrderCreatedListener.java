package io.txlab.inventory.stock.messaging;

import io.txlab.common.event.ConsumerGroups;
import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.event.Topics;
import io.txlab.common.messaging.InboundEvents;
import io.txlab.inventory.stock.application.ReserveStock;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

@Component
@RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = OrderCreated.TYPE,
        consumerGroup = ConsumerGroups.INVENTORY, consumeThreadNumber = 4, consumeThreadMax = 4)
class OrderCreatedListener implements RocketMQListener<MessageExt> {

    private final InboundEvents inboundEvents;
    private final ReserveStock reserveStock;

    OrderCreatedListener(InboundEvents inboundEvents, ReserveStock reserveStock) {
        this.inboundEvents = inboundEvents;
        this.reserveStock = reserveStock;
    }

    @Override
    public void onMessage(MessageExt message) {
        inboundEvents.dispatch(Participant.INVENTORY.tag(), message, OrderCreated.class, reserveStock::handle);
    }
}
