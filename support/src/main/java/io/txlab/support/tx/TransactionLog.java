package io.txlab.support.tx;

import java.time.Instant;

/**
 * The tx_log: one row per RocketMQ transaction id, written by the local transaction itself or, when the local
 * transaction never got there, by the check-back as a rolled-back marker. Its unique key makes the two agree.
 */
interface TransactionLog {

    enum Status { COMMITTED, ROLLED_BACK }

    /** Who wrote the row: the local transaction (or its own aftermath), or a check-back. */
    enum DecidedBy { LOCAL_TX, CHECK_BACK }

    /**
     * The last statement of the local transaction, after its work: the COMMITTED row, with the time the work
     * was done (the timeline's "local transaction committed"). From here to the commit, a check-back waits on
     * the row's lock and answers from the outcome; a check-back that came before it planted ROLLED_BACK, and
     * this insert fails on the key, so the whole local transaction rolls back: either way one answer.
     */
    void recordCommitted(String txId, PendingPublish pending);

    /**
     * The definite answer for a check-back (or for a local transaction whose commit failed). Runs outside
     * any transaction: waits while a local transaction holding the row is in flight, then either keeps its
     * COMMITTED row or plants ROLLED_BACK so that a local transaction arriving later fails on the key and
     * rolls back too.
     *
     * @param sentAt when the half message was sent, or null when unknown (a check-back)
     */
    Status resolve(String txId, String orderId, String eventType, DecidedBy decidedBy, Instant sentAt);
}
