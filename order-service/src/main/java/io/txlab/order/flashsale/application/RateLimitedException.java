package io.txlab.order.flashsale.application;

import java.time.Duration;

/** Too many purchase requests, for the sale or for the user: a 429 with Retry-After. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(detail, null, false, false); // an answer, not a fault: no stack trace
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
