package io.txlab.support.tx;

import java.util.Optional;

/**
 * How a transactional publish ended, as far as this process knows.
 *
 * @param outcome COMMITTED: the local transaction committed (the broker was told COMMIT, or UNKNOWN and its
 *                check-back will find the committed tx_log row). ROLLED_BACK: it did not commit
 *                ({@link #failure()} says why) and nothing will be delivered. IN_DOUBT: its commit failed and
 *                the tx_log could not be read either; the check-back decides later. NOT_RUN: the half
 *                message was sent but its local transaction never ran; the check-back will roll it back.
 */
public record PublishResult(String txId, Outcome outcome, Optional<RuntimeException> failure) {

    public enum Outcome { COMMITTED, ROLLED_BACK, IN_DOUBT, NOT_RUN }

    public boolean committed() {
        return outcome == Outcome.COMMITTED;
    }

    /**
     * For a consumer publishing its reply: returns when the effect is committed; otherwise throws, so the
     * broker redelivers the message being handled and the dedup row decides what the redelivery does.
     */
    public void requireRecorded() {
        switch (outcome) {
            case COMMITTED -> {
            }
            case ROLLED_BACK -> throw failure.orElseGet(
                    () -> new IllegalStateException("local transaction rolled back, txId=" + txId));
            case IN_DOUBT -> throw new IllegalStateException("local transaction in doubt, txId=" + txId,
                    failure.orElse(null));
            case NOT_RUN -> throw new IllegalStateException("local transaction did not run, txId=" + txId);
        }
    }
}
