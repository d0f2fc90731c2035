package io.txlab.inventory.stock.messaging;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.Topics;
import io.txlab.support.messaging.InboundEvents;
import io.txlab.support.messaging.SendBack;
import io.txlab.inventory.stock.application.ReleaseStock;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.springframework.stereotype.Component;

/** Its own consumer group: a cancel is never queued behind the OrderCreated backlog, and may overtake it. */
@Component
@RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = OrderCancelled.TYPE,
        consumerGroup = ConsumerGroups.INVENTORY_COMPENSATION, consumeThreadNumber = 2, consumeThreadMax = 2)
class OrderCancelledListener implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private final InboundEvents inboundEvents;
    private final ReleaseStock releaseStock;
    /** Set before the consumer starts, so before the first message. */
    private SendBack sendBack;

    OrderCancelledListener(InboundEvents inboundEvents, ReleaseStock releaseStock) {
        this.inboundEvents = inboundEvents;
        this.releaseStock = releaseStock;
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        sendBack = SendBack.through(consumer);
    }

    @Override
    public void onMessage(MessageExt message) {
        inboundEvents.dispatch(Participant.INVENTORY.tag(), message, OrderCancelled.class, releaseStock::handle,
                sendBack);
    }
}
