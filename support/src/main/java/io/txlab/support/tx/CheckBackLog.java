package io.txlab.support.tx;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every check-back this service answered, for reviewers. */
interface CheckBackLog {

    /** Both times come from this JVM's clock, so that they compare with each other. */
    void record(CheckBack checkBack);

    List<CheckBack> findByOrderId(String orderId);

    /** Answered in [since, until), newest first: what a reviewer looking for uncertain transactions wants on top. */
    List<CheckBack> findBetween(Instant since, Instant until, Optional<CheckBack.Answer> answer, int limit);

    /** Transactions checked back since {@code since} with only UNKNOWN answers and no tx_log row, oldest first. */
    List<InFlightTransaction> findUndecided(Instant since, int limit);
}
