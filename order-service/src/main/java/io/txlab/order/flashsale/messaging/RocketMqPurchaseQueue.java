package io.txlab.order.flashsale.messaging;

import java.util.List;

import io.txlab.common.event.FlashPurchaseAccepted;
import io.txlab.common.event.Topics;
import io.txlab.common.json.JsonCodec;
import io.txlab.common.messaging.PlainMessages;
import io.txlab.order.flashsale.application.PurchaseNotQueuedException;
import io.txlab.order.flashsale.application.PurchaseQueue;
import org.springframework.stereotype.Component;

/**
 * The purchase queue is a RocketMQ topic: one plain message per accepted purchase, keyed by its order id
 * (so {@code queryMsgByKey} finds it), stored by the broker with its usual flush before the buyer is answered.
 */
@Component
class RocketMqPurchaseQueue implements PurchaseQueue {

    private final PlainMessages messages;
    private final JsonCodec codec;

    RocketMqPurchaseQueue(PlainMessages messages, JsonCodec codec) {
        this.messages = messages;
        this.codec = codec;
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
