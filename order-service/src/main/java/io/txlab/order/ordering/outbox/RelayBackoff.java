package io.txlab.order.ordering.outbox;

import java.time.Duration;

/** How long the relay waits after a failed batch: 0.5 s, doubling up to 5 s, back to 0.5 s after a success. */
final class RelayBackoff {

    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration MAX = Duration.ofSeconds(5);

    private Duration next = FIRST;

    Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return wait;
    }

    void reset() {
        next = FIRST;
    }
}
