package io.txlab.support.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

/** {@code TXLAB_METRICS=off}: every meter a no-op, so the hot path does no metrics work at all. */
enum NoMeters implements TxLabMeters {

    INSTANCE;

    @Override
    public void halfMessage(String eventType, String localOutcome) {
    }

    @Override
    public void checkBack(String answer) {
    }

    @Override
    public void consumed(String consumer, String eventType, int count) {
    }

    @Override
    public void dedupHit(String consumer, String eventType) {
    }

    @Override
    public void deliveryFailed(String consumer, String eventType) {
    }

    @Override
    public void deadLettered(String consumer, String eventType, DeadLetterReason reason) {
    }

    @Override
    public void compensated(String participant, Compensation kind) {
    }

    @Override
    public void sweeperCancelled(int orders) {
    }

    @Override
    public void flashGate(FlashGateOutcome outcome) {
    }

    @Override
    public void outboxUnsent(LongSupplier unsent) {
    }

    @Override
    public void reachedFinalState(String status, Duration sinceCreated) {
    }
}
