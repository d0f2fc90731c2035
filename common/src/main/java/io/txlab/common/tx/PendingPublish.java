package io.txlab.common.tx;

import org.apache.rocketmq.client.producer.LocalTransactionState;

/** Carries the caller's work into the producer's local-transaction callback and its outcome back out. */
final class PendingPublish {

    private final String orderId;
    private final LocalTransaction work;
    private PublishResult.Outcome outcome;
    private RuntimeException failure;

    PendingPublish(String orderId, LocalTransaction work) {
        this.orderId = orderId;
        this.work = work;
    }

    String orderId() {
        return orderId;
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
