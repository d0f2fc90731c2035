package io.txlab.order.flashsale.messaging;


import java.time.Instant;
import java.util.List;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.FlashPurchaseAccepted;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.messaging.PlainMessages;
import io.txlab.order.flashsale.application.PurchaseBacklog;
import io.txlab.order.flashsale.application.PurchaseNotQueuedException;
import io.txlab.order.flashsale.application.PurchaseQueue;
import io.txlab.order.ordering.application.ConsumerBacklog;
import org.springframework.stereotype.Component;

/**
 * The purchase queue is a RocketMQ topic: one plain message per accepted purchase, keyed by its order id
 * (so {@code queryMsgByKey} finds it), stored by the broker with its usual flush before the buyer is answered;
 * how far it is delivered is its consumer group's progress on the topic.
 */
@Component
class RocketMqPurchaseQueue implements PurchaseQueue, PurchaseBacklog {

    private final PlainMessages messages;
    private final JsonCodec codec;
    private final ConsumerBacklog backlog;

    RocketMqPurchaseQueue(PlainMessages messages, JsonCodec codec, ConsumerBacklog backlog) {
        this.messages = messages;
        this.codec = codec;
        this.backlog = backlog;
    }

    @Override
    public boolean deliveredThrough(Instant instant) {
        return !backlog.consumedThrough(ConsumerGroups.ORDER_FLASH_PURCHASES, Topics.FLASH_PURCHASES).isBefore(instant);
    }

    @Override
    public void enqueue(FlashPurchaseAccepted purchase) {
        try {
            messages.send(List.of(new PlainMessages.Outgoing(Topics.FLASH_PURCHASES, FlashPurchaseAccepted.TYPE,
                    purchase.orderId(), purchase.type(), codec.encode(purchase))));
        } catch (PlainMessages.NotSentException e) {
            throw new PurchaseNotQueuedException("the purchase queue did not confirm the purchase: " + e.getMessage(),
                    purchase.orderId(), e);
        }
    }
}
