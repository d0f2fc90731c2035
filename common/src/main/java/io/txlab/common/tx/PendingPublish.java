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

    /** Records the outcome and returns the answer the broker gets for it. */
    LocalTransactionState finish(PublishResult.Outcome outcome, RuntimeException failure) {
        this.outcome = outcome;
        this.failure = failure;
        return switch (outcome) {
            case COMMITTED -> LocalTransactionState.COMMIT_MESSAGE;
            case ROLLED_BACK -> LocalTransactionState.ROLLBACK_MESSAGE;
            case IN_DOUBT, NOT_RUN -> LocalTransactionState.UNKNOW;
        };
    }

    /** Null when the local transaction was never called (the half message was not stored). */
    PublishResult.Outcome outcome() {
        return outcome;
    }

    RuntimeException failure() {
        return failure;
    }
}
