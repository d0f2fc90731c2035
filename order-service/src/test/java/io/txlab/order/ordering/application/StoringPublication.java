package io.txlab.order.ordering.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.order.ordering.domain.InMemoryOrders;
import io.txlab.order.ordering.domain.Order;
import io.txlab.support.tx.PublishResult;

/**
 * Records the order in the store and answers COMMITTED, as the half message's local transaction does; a
 * failing insert (a unique key) rolls back with its exception. {@link #rollBackNext} makes the next publish roll
 * back with the given failure, {@link #inDoubtNext} answer IN_DOUBT, both without writing anything;
 * {@link #commitsFirst} lets a concurrent request's order commit just before the next insert.
 */
public final class StoringPublication implements OrderCreatedPublication {

    /** The order ids whose OrderCreated will be delivered, in order. */
    public final List<String> published = new ArrayList<>();
    /** Those events themselves. */
    public final List<OrderCreated> events = new ArrayList<>();
    public final List<RuntimeException> rolledBack = new ArrayList<>();
    private final PublishMode mode;
    private final InMemoryOrders orders;
    private RuntimeException nextFailure;
    private RuntimeException nextDoubt;
    private Order concurrentWinner;

    public StoringPublication(PublishMode mode, InMemoryOrders orders) {
        this.mode = mode;
        this.orders = orders;
    }

    public void rollBackNext(RuntimeException failure) {
        nextFailure = failure;
    }

    /** @param commitFailure what the failed commit threw */
    public void inDoubtNext(RuntimeException commitFailure) {
        nextDoubt = commitFailure;
    }

    /** A concurrent request that missed the same look-up commits {@code winner} before the next insert. */
    public void commitsFirst(Order winner) {
        concurrentWinner = winner;
    }

    @Override
    public PublishMode mode() {
        return mode;
    }

    @Override
    public PublishResult publish(Order order, OrderCreated event) {
        String txId = "tx-" + order.orderId();
        if (nextDoubt != null) {
            RuntimeException failure = nextDoubt;
            nextDoubt = null;
            return new PublishResult(txId, PublishResult.Outcome.IN_DOUBT, Optional.of(failure));
        }
        if (concurrentWinner != null) {
            orders.insert(concurrentWinner);
            concurrentWinner = null;
        }
        try {
            if (nextFailure != null) {
                RuntimeException failure = nextFailure;
                nextFailure = null;
                throw failure;
            }
            orders.insert(order);
        } catch (RuntimeException e) {
            rolledBack.add(e);
            return new PublishResult(txId, PublishResult.Outcome.ROLLED_BACK, Optional.of(e));
        }
        published.add(event.orderId());
        events.add(event);
        return new PublishResult(txId, PublishResult.Outcome.COMMITTED, Optional.empty());
    }
}
