package io.txlab.support.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Port: what the services count and time for Prometheus (docs/metrics.md). Plain Java, so application code
 * may call it; the Micrometer adapter behind it registers each meter once and caches it, so a call on the hot
 * path is a map look-up and an increment. With {@code TXLAB_METRICS=off} every call does nothing.
 *
 * <p>Every tag value must come from a closed set (an enum's name, a constant), never from a request.
 */
public interface TxLabMeters {

    /** A half message sent, and what its local transaction did (PublishResult.Outcome's name). */
    void halfMessage(String eventType, String localOutcome);

    /** A check-back answered: COMMIT, ROLLBACK or UNKNOWN. */
    void checkBack(String answer);

    /** {@code count} deliveries of {@code eventType} handled by {@code consumer} without throwing. */
    void consumed(String consumer, String eventType, int count);

    /** A delivery whose event had been applied before: its dedup row was there. */
    void dedupHit(String consumer, String eventType);

    /** A delivery whose handling threw (the broker redelivers it) or that was parked. */
    void deliveryFailed(String consumer, String eventType);

    /** A message moved to its group's DLQ: parked as poison, or failed for the last time. */
    void deadLettered(String consumer, String eventType, DeadLetterReason reason);

    /** A participant handled a cancel, or skipped a late event: what it did ({@link Compensation}). */
    void compensated(String participant, Compensation kind);

    /** The sweeper cancelled {@code orders} orders left PENDING past the deadline. */
    void sweeperCancelled(int orders);

    /** What the flash-sale gate answered a purchase. */
    void flashGate(FlashGateOutcome outcome);

    /** Rows of the outbox not sent yet, read when scraped. */
    void outboxUnsent(LongSupplier unsent);

    /** An order reached its final state ({@code status}) {@code sinceCreated} after it was created. */
    void reachedFinalState(String status, Duration sinceCreated);

    enum DeadLetterReason { POISON, RETRIES_EXHAUSTED }

    enum Compensation {
        /** The part was applied, and is undone now: stock released, payment refunded. */
        UNDONE,
        /** The cancel came before the order's event: nothing to undo, the barrier skips the event. */
        EMPTY,
        /** The part had been rejected: nothing to undo. */
        NOTHING_APPLIED,
        /** A repeated cancel: changes nothing. */
        REPEATED,
        /** The order's event came after its cancel: skipped for good (no late deduction). */
        SKIPPED_LATE_EVENT
    }

    enum FlashGateOutcome {
        QUEUED, REPLAYED, NOT_STARTED, ENDED, SOLD_OUT, ALREADY_BOUGHT, RATE_LIMITED, STOCK_UNAVAILABLE,
        NOT_QUEUED, REFUSED_OTHER
    }

    /** Meters that count nothing: {@code TXLAB_METRICS=off}, and unit tests. */
    static TxLabMeters none() {
        return NoMeters.INSTANCE;
    }
}
