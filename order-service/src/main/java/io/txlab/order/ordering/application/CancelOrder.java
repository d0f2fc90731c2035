package io.txlab.order.ordering.application;

import java.time.Clock;
import java.time.Duration;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Topics;
import io.txlab.support.consume.Delivery;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.tx.LocalTransaction;
import io.txlab.support.tx.PublishResult;
import io.txlab.support.tx.TransactionalPublisher;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one cancel path: sends OrderCancelled as a half message whose local transaction moves the order to
 * CANCELLED (checked on its version), so the participants hear of the cancel if and only if it committed.
 * Then tells the rest of this service ({@link OrderWasCancelled}): a flash sale takes its unit back.
 */
@Service
public class CancelOrder {

    private static final Logger log = LoggerFactory.getLogger(CancelOrder.class);

    private final OrderRepository orders;
    private final TransactionalPublisher publisher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TxLabMeters meters;

    public CancelOrder(OrderRepository orders, TransactionalPublisher publisher, ApplicationEventPublisher events,
                       Clock clock, TxLabMeters meters) {
        this.orders = orders;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param cancelled the order as CANCELLED, with the version it was read at
     * @throws io.txlab.support.consume.ConcurrentChangeException when the order changed since it was read
     */
    public void cancel(Order cancelled) {
        cancel(cancelled, txId -> orders.update(cancelled));
    }

    /** The cancel a consumed message decides: its dedup row commits in the cancel's local transaction. */
    public void cancel(Order cancelled, Delivery<?> decidedBy) {
        cancel(cancelled, txId -> {
            decidedBy.recordInCurrentTransaction();
            orders.update(cancelled);
        });
    }

    private void cancel(Order cancelled, LocalTransaction localTransaction) {
        OrderCancelled event = OrderCancelled.of(cancelled.orderId(), cancelled.reason(), clock.instant());
        PublishResult result = publisher.publish(Topics.ORDER_EVENTS, OrderCancelled.TYPE, event, localTransaction);
        result.requireRecorded();
        log.info("order cancelled ({}), OrderCancelled {} txId={}", cancelled.reason(), result.outcome(), result.txId());
        meters.reachedFinalState(cancelled.status().name(), Duration.between(cancelled.createdAt(), clock.instant()));
        events.publishEvent(new OrderWasCancelled(cancelled));
    }
}
