package io.txlab.order.flashsale.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The sale's sellable units and buyers in the gate's store (Redis), changed only atomically: a take
 * decrements the count and records the buyer with the order id; a give-back undoes exactly that take.
 * Any method may throw {@link FlashStockUnavailableException}.
 */
public interface FlashStock {

    enum Take { TAKEN, ALREADY_BOUGHT, SOLD_OUT, NOT_WARMED }

    /**
     * What placing a queued purchase finds: its unit still {@code HELD} for its order; {@code TAKEN_AGAIN}
     * (the store lost the buyer, or reconciliation gave the unit back, and a unit was left, so it is taken
     * for the order again); the buyer now holds a unit for {@code ANOTHER_ORDER}; {@code SOLD_OUT}; or the
     * sale {@code NOT_WARMED} (the store lost it and reconciliation has not loaded it yet).
     */
    enum Claim { HELD, TAKEN_AGAIN, ANOTHER_ORDER, SOLD_OUT, NOT_WARMED }

    /** What the store holds for a sale: units left, and each buyer with the order and the time of the take. */
    record Holding(int remaining, Map<Long, Buyer> buyers) {
    }

    record Buyer(String orderId, long takenAtMillis) {
    }

    Take take(String saleId, long userId, String orderId, long nowMillis);

    /** Makes sure the buyer's unit is held for this order before it is placed (see {@link Claim}). */
    Claim claim(String saleId, long userId, String orderId, long nowMillis);

    /** The order the buyer's unit is held for, if any. */
    Optional<String> heldOrder(String saleId, long userId);

    /** Gives the unit back if (and only if) the buyer's unit is still held for this order: at most once. */
    boolean giveBack(String saleId, long userId, String orderId);

    /** Loads a sale (after its creation, or after the store lost it); does nothing if the store has it. */
    boolean warm(String saleId, int units, Map<Long, String> buyers, long nowMillis);

    Optional<Holding> holding(String saleId);

    /** Records a buyer the store lost (its order is active in the database), taking a unit for it. */
    boolean restoreBuyer(String saleId, long userId, String orderId, long nowMillis);

    /** Sets the count to units minus the buyers held, never below zero, in one step. */
    Recount recount(String saleId, int units);

    record Recount(int before, int after) {
        public boolean changed() {
            return before != after;
        }
    }
}
