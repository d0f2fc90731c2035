package io.txlab.support.tx;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every check-back this service answered, for reviewers. */
interface CheckBackLog {

    /** Both times come from this JVM's clock, so that they compare with each other. */
    void record(CheckBack checkBack);

    List<CheckBack> findByOrderId(String orderId);

    /** Newest first: what a reviewer looking for uncertain transactions wants on top. */
    List<CheckBack> findSince(Instant since, Optional<CheckBack.Answer> answer, int limit);
}
