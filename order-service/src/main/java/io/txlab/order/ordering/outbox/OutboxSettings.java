package io.txlab.order.ordering.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay's settings, under {@code txlab.outbox.*}.
 *
 * @param pollInterval how long the relay waits for a wake-up before it looks anyway: rows written by another
 *                     instance, or before a restart, are sent within this
 * @param batchSize    unsent rows claimed, sent as one batch message and marked sent per relay transaction
 */
@ConfigurationProperties("txlab.outbox")
public record OutboxSettings(Duration pollInterval, Integer batchSize) {

    /** A batch message's size is capped by the broker (4 MB by default); an OrderCreated is about 300 bytes. */
    static final int MAX_BATCH_SIZE = 1000;

    public OutboxSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 100 : batchSize;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("txlab.outbox.poll-interval must be positive");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("txlab.outbox.batch-size must be between 1 and " + MAX_BATCH_SIZE);
        }
    }
}
