package io.txlab.common.tx;

import java.util.Optional;

/**
 * How a transactional publish ended, as far as this process knows.
 *
 * @param outcome COMMITTED: local transaction committed and COMMIT sent; ROLLED_BACK: local transaction
 *                failed ({@link #failure()} says why), nothing will be delivered; UNKNOWN: the broker
 *                will check back and the tx_log decides
 */
public record PublishResult(String txId, Outcome outcome, Optional<RuntimeException> failure) {

    public enum Outcome { COMMITTED, ROLLED_BACK, UNKNOWN }

    public boolean committed() {
        return outcome == Outcome.COMMITTED;
    }
}
