package io.txlab.payment.account.messaging;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.Topics;
import io.txlab.support.messaging.InboundEvents;
import io.txlab.support.messaging.SendBack;
import io.txlab.payment.account.application.RefundPayment;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.springframework.stereotype.Component;

/** Its own consumer group: a cancel is never queued behind the OrderCreated backlog, and may overtake it. */
@Component
@RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = OrderCancelled.TYPE,
        consumerGroup = ConsumerGroups.PAYMENT_COMPENSATION, consumeThreadNumber = 2, consumeThreadMax = 2)
class OrderCancelledListener implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private final InboundEvents inboundEvents;
    private final RefundPayment refundPayment;
    /** Set before the consumer starts, so before the first message. */
    private SendBack sendBack;

    OrderCancelledListener(InboundEvents inboundEvents, RefundPayment refundPayment) {
        this.inboundEvents = inboundEvents;
        this.refundPayment = refundPayment;
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        sendBack = SendBack.through(consumer);
    }

    @Override
    public void onMessage(MessageExt message) {
        inboundEvents.dispatch(Participant.PAYMENT.tag(), message, OrderCancelled.class, refundPayment::handle,
                sendBack);
    }
}
