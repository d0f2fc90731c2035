package io.txlab.payment.account.messaging;

import io.txlab.contracts.event.Participant;
import io.txlab.support.messaging.BatchConsumer;
import io.txlab.support.participant.OrderCreatedSubscription;
import io.txlab.payment.account.application.ChargePayment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes OrderCreated a batch (one pull) at a time and hands it to ChargePayment. */
@Configuration(proxyBeanMethods = false)
class OrderCreatedListener {

    @Bean
    BatchConsumer orderCreatedConsumer(OrderCreatedSubscription orderCreated, ChargePayment chargePayment) {
        return orderCreated.subscribe(Participant.PAYMENT, chargePayment::handle);
    }
}
