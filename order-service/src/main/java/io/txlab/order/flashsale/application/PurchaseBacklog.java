package io.txlab.order.flashsale.application;

import java.time.Instant;

/** How far the purchase queue has delivered its purchases for placement. */
@FunctionalInterface
public interface PurchaseBacklog {

    /**
     * @return true when every purchase stored before {@code instant} has been delivered for placement (a placement
     *         that failed waits for its redelivery, and is then placed against Redis as loaded again)
     */
    boolean deliveredThrough(Instant instant);
}
