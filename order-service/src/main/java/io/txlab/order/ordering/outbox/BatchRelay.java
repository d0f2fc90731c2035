package io.txlab.order.ordering.outbox;

/** One relay step, as the relay's thread drives it: {@link RelayOutboxBatch}. */
interface BatchRelay {

    /**
     * @return how many rows were sent
     * @throws RuntimeException when the step failed: its rows stay unsent
     */
    int relayNext(int batchSize);

    /** A cheap look, outside any transaction, for an idle poll: false when no row is unsent. */
    boolean anyUnsent();
}
