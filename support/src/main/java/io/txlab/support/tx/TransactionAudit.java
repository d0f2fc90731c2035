package io.txlab.support.tx;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read side of the transaction records, for the services' review endpoints. */
public final class TransactionAudit {

    public static final int MAX_LIMIT = 1000;

    private final CheckBackLog checkBacks;

    TransactionAudit(CheckBackLog checkBacks) {
        this.checkBacks = checkBacks;
    }

    public List<CheckBack> checkBacksOf(String orderId) {
        return checkBacks.findByOrderId(orderId);
    }

    /**
     * Check-backs answered at or after {@code since} and before {@code until}, newest first, at most {@code limit}
     * (≤ {@link #MAX_LIMIT}).
     */
    public List<CheckBack> checkBacksBetween(Instant since, Instant until, Optional<CheckBack.Answer> answer,
                                             int limit) {
        checkLimit(limit);
        return checkBacks.findBetween(since, until, answer, limit);
    }

    /** Half messages checked back since {@code since} whose local outcome is not final yet, oldest first. */
    public List<InFlightTransaction> inFlightSince(Instant since, int limit) {
        checkLimit(limit);
        return checkBacks.findUndecided(since, limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
