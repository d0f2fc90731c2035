package io.txlab.inventory.stock.messaging;

import io.txlab.contracts.event.Participant;
import io.txlab.support.messaging.BatchConsumer;
import io.txlab.support.participant.OrderCreatedSubscription;
import io.txlab.inventory.stock.application.ReserveStock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes OrderCreated a batch (one pull) at a time and hands it to ReserveStock. */
@Configuration(proxyBeanMethods = false)
class OrderCreatedListener {

    @Bean
    BatchConsumer orderCreatedConsumer(OrderCreatedSubscription orderCreated, ReserveStock reserveStock) {
        return orderCreated.subscribe(Participant.INVENTORY, reserveStock::handle);
    }
}
