package io.txlab.common.tx;

import java.util.Optional;

/**
 * How a transactional publish ended, as far as this process knows.
 *
 * @param outcome COMMITTED: the local transaction committed and COMMIT was sent. ROLLED_BACK: the local
 *                transaction failed ({@link #failure()} says why) and nothing will be delivered.
 *                IN_DOUBT: the local transaction committed, or its commit's outcome is unknown; the
 *                broker checks back and the tx_log decides. NOT_RUN: the half message was sent but its
 *                local transaction never ran; the check-back will roll it back.
 */
public record PublishResult(String txId, Outcome outcome, Optional<RuntimeException> failure) {

    public enum Outcome { COMMITTED, ROLLED_BACK, IN_DOUBT, NOT_RUN }

    public boolean committed() {
        return outcome == Outcome.COMMITTED;
    }

    /**
     * For a consumer publishing its reply: returns when the effect is recorded (committed, or in doubt
     * and so decided by the tx_log), else throws so that the broker redelivers the message it handles.
     */
    public void requireRecorded() {
        switch (outcome) {
            case COMMITTED, IN_DOUBT -> {
            }
            case ROLLED_BACK -> throw failure.orElseGet(
                    () -> new IllegalStateException("local transaction rolled back, txId=" + txId));
            case NOT_RUN -> throw new IllegalStateException("local transaction did not run, txId=" + txId);
        }
    }
}
