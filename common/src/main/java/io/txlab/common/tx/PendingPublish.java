package io.txlab.common.tx;

import org.apache.rocketmq.client.producer.LocalTransactionState;

/** Carries the caller's work into the producer's local-transaction callback and its outcome back out. */
final class PendingPublish {

    private final String orderId;
    private final LocalTransaction work;
    private LocalTransactionState state;
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

    LocalTransactionState finish(LocalTransactionState state, RuntimeException failure) {
        this.state = state;
        this.failure = failure;
        return state;
    }

    LocalTransactionState state() {
        return state;
    }

    RuntimeException failure() {
        return failure;
    }
}
