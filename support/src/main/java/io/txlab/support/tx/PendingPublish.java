package io.txlab.support.tx;

import java.time.Instant;

import org.apache.rocketmq.client.producer.LocalTransactionState;

/** Carries the caller's work into the producer's local-transaction callback and its outcome back out. */
final class PendingPublish {

    private final String orderId;
    private final String eventType;
    private final Instant sentAt;
    private final LocalTransaction work;
    private PublishResult.Outcome outcome;
    private RuntimeException failure;

    PendingPublish(String orderId, String eventType, Instant sentAt, LocalTransaction work) {
        this.orderId = orderId;
        this.eventType = eventType;
        this.sentAt = sentAt;
        this.work = work;
    }

    String orderId() {
        return orderId;
    }

    String eventType() {
        return eventType;
    }

    /** When the half message was handed to the producer. */
    Instant sentAt() {
        return sentAt;
    }

    LocalTransaction work() {
        return work;
    }

    /**
     * Records what this process knows and returns {@code answer}, what the broker is told. They can
     * differ: a committed transaction may still answer UNKNOWN, leaving the decision to the check-back.
     */
    LocalTransactionState finish(LocalTransactionState answer, PublishResult.Outcome outcome, RuntimeException failure) {
        this.outcome = outcome;
        this.failure = failure;
        return answer;
    }

    /** Null when the local transaction was never called (the half message was not stored). */
    PublishResult.Outcome outcome() {
        return outcome;
    }

    RuntimeException failure() {
        return failure;
    }
}
