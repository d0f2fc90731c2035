package io.txlab.order.flashsale.domain;

import java.time.Duration;
import java.util.Optional;

/** Rate limits in front of the gate: a token bucket for the whole sale and a window per user. */
public interface PurchaseLimits {

    /** @return empty if the request may go on; else how long the client should wait */
    Optional<Duration> retryAfter(String saleId, long userId);
}
