package io.txlab.order.flashsale.messaging;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.FlashPurchaseAccepted;
import io.txlab.contracts.event.Topics;
import io.txlab.support.messaging.BatchConsumer;
import io.txlab.support.messaging.BatchConsumers;
import io.txlab.support.messaging.InboundEvents;
import io.txlab.order.flashsale.application.FlashSaleSettings;
import io.txlab.order.flashsale.application.PlaceQueuedPurchases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes accepted flash-sale purchases a batch (one pull) at a time and hands them to PlaceQueuedPurchases. */
@Configuration(proxyBeanMethods = false)
class FlashPurchaseListener {

    @Bean
    BatchConsumer flashPurchaseConsumer(BatchConsumers consumers, InboundEvents inbound, PlaceQueuedPurchases place,
                                        FlashSaleSettings settings) {
        return consumers.subscribe(new BatchConsumer.Subscription(ConsumerGroups.ORDER_FLASH_PURCHASES,
                        Topics.FLASH_PURCHASES, "*", settings.placementThreads()),
                (batch, sendBack) -> inbound.dispatchBatch(PlaceQueuedPurchases.CONSUMER, batch,
                        FlashPurchaseAccepted.class, place::handle, sendBack));
    }
}
