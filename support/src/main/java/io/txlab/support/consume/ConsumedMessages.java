package io.txlab.support.consume;

import java.util.List;
import java.util.Set;

/** Port to the consumed_message table: one row per (consumer, dedup key), the idempotency guarantee. */
interface ConsumedMessages {

    /**
     * Writes the delivery's dedup row, or counts a duplicate on the row that is there: one statement, whose
     * result tells the first delivery from a duplicate.
     *
     * @return true for the first delivery, false for a duplicate (counted)
     */
    boolean recordOrCountDuplicate(String consumer, String dedupKey, String orderId);

    /** A delivery's dedup key and the order it belongs to. */
    record Delivered(String dedupKey, String orderId) {
    }

    /**
     * The batch form of {@link #recordOrCountDuplicate}: writes the dedup rows of deliveries with distinct keys,
     * counting a duplicate on each row that is there. One statement when no row was there, the common case.
     *
     * @return the dedup keys whose rows were there already (each counted); empty when all are first deliveries
     */
    Set<String> recordAllOrCountDuplicates(String consumer, List<Delivered> deliveries);

    /** Counts a duplicate whose count was rolled back with the transaction that found it. */
    void countDuplicate(String consumer, String dedupKey);
}
