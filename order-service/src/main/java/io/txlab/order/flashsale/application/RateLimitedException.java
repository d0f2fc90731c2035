package io.txlab.order.flashsale.application;

import java.time.Duration;

/** Too many purchase requests, for the sale or for the user: a 429 with Retry-After. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(detail, null, false, false); // an answer, not a fault: no stack trace
        this.retryAfter = retryAfter;
    }

    /** Too many requests: retry after {@code wait}, which the message gives in whole seconds. */
    public static RateLimitedException after(Duration wait) {
        return new RateLimitedException("too many purchase requests; retry in " + wholeSeconds(wait) + " s", wait);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up and at least 1: what Retry-After says. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
