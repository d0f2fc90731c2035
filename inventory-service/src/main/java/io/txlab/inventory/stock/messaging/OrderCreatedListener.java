package io.txlab.inventory.stock.messaging;

import io.txlab.common.event.ConsumerGroups;
import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.event.Topics;
import io.txlab.common.messaging.BatchConsumer;
import io.txlab.common.messaging.BatchConsumers;
import io.txlab.common.messaging.InboundEvents;
import io.txlab.inventory.stock.application.ReserveStock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes OrderCreated a batch (one pull) at a time and hands it to ReserveStock. */
@Configuration(proxyBeanMethods = false)
class OrderCreatedListener {

    @Bean
    BatchConsumer orderCreatedConsumer(BatchConsumers consumers, InboundEvents inbound, ReserveStock reserveStock) {
        return consumers.subscribe(new BatchConsumer.Subscription(ConsumerGroups.INVENTORY, Topics.ORDER_EVENTS,
                        OrderCreated.TYPE, 2),
                (batch, sendBack) -> inbound.dispatchBatch(Participant.INVENTORY.tag(), batch, OrderCreated.class,
                        reserveStock::handle, sendBack));
    }
}
