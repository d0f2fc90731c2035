package io.txlab.inventory.stock.messaging;

import io.txlab.common.event.Participant;
import io.txlab.common.messaging.BatchConsumer;
import io.txlab.common.participant.OrderCreatedSubscription;
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
