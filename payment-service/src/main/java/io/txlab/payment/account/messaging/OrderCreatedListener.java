package io.txlab.payment.account.messaging;

import io.txlab.common.event.ConsumerGroups;
import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.event.Topics;
import io.txlab.common.messaging.BatchConsumer;
import io.txlab.common.messaging.BatchConsumers;
import io.txlab.common.messaging.InboundEvents;
import io.txlab.payment.account.application.ChargePayment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes OrderCreated a batch (one pull) at a time and hands it to ChargePayment. */
@Configuration(proxyBeanMethods = false)
class OrderCreatedListener {

    @Bean
    BatchConsumer orderCreatedConsumer(BatchConsumers consumers, InboundEvents inbound, ChargePayment chargePayment) {
        return consumers.subscribe(new BatchConsumer.Subscription(ConsumerGroups.PAYMENT, Topics.ORDER_EVENTS,
                        OrderCreated.TYPE, 2),
                (batch, sendBack) -> inbound.dispatchBatch(Participant.PAYMENT.tag(), batch, OrderCreated.class,
                        chargePayment::handle, sendBack));
    }
}
