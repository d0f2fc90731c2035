package io.txlab.order.ordering.application;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Topics;
import io.txlab.support.tx.PublishResult;
import io.txlab.support.tx.TransactionalPublisher;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.springframework.stereotype.Component;

/** OrderCreated as a half message whose local transaction inserts the order row; the broker checks back. */
@Component
class PublishAsHalfMessage implements OrderCreatedPublication {

    private final TransactionalPublisher publisher;
    private final OrderRepository orders;

    PublishAsHalfMessage(TransactionalPublisher publisher, OrderRepository orders) {
        this.publisher = publisher;
        this.orders = orders;
    }

    @Override
    public PublishMode mode() {
        return PublishMode.TRANSACTIONAL;
    }

    @Override
    public PublishResult publish(Order order, OrderCreated event) {
        return publisher.publish(Topics.ORDER_EVENTS, OrderCreated.TYPE, event, txId -> orders.insert(order));
    }
}
