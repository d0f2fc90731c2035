package io.txlab.payment.account.messaging;

import io.txlab.common.event.ConsumerGroups;
import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.event.Topics;
import io.txlab.common.messaging.InboundEvents;
import io.txlab.payment.account.application.ChargePayment;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

@Component
@RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = OrderCreated.TYPE,
        consumerGroup = ConsumerGroups.PAYMENT, consumeThreadNumber = 4, consumeThreadMax = 4)
class OrderCreatedListener implements RocketMQListener<MessageExt> {

    private final InboundEvents inboundEvents;
    private final ChargePayment chargePayment;

    OrderCreatedListener(InboundEvents inboundEvents, ChargePayment chargePayment) {
        this.inboundEvents = inboundEvents;
        this.chargePayment = chargePayment;
    }

    @Override
    public void onMessage(MessageExt message) {
        inboundEvents.dispatch(Participant.PAYMENT.tag(), message, OrderCreated.class, chargePayment::handle);
    }
}
