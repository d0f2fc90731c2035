package io.txlab.order.flashsale.application;

import io.txlab.contracts.event.FlashPurchaseAccepted;

/** Where accepted flash-sale purchases wait to be placed as orders. */
public interface PurchaseQueue {

    /**
     * Returns once the purchase is stored durably.
     *
     * @throws PurchaseNotQueuedException when the queue did not confirm it (it may still have stored it)
     */
    void enqueue(FlashPurchaseAccepted purchase);
}
