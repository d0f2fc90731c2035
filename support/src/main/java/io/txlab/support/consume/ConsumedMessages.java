package io.txlab.support.consume;

/** Port to the consumed_message table: one row per (consumer, dedup key), the idempotency guarantee. */
interface ConsumedMessages {

    /**
     * Writes the delivery's dedup row, or counts a duplicate on the row that is there: one statement, whose
     * result tells the first delivery from a duplicate.
     *
     * @return true for the first delivery, false for a duplicate (counted)
     */
    boolean recordOrCountDuplicate(String consumer, String dedupKey, String orderId);

    /** Counts a duplicate whose count was rolled back with the transaction that found it. */
    void countDuplicate(String consumer, String dedupKey);
}
