package io.txlab.order.ordering.application;

import io.txlab.contracts.event.OrderCreated;

/**
 * Port: sends OrderCreated as a plain message, outside any transaction. Only the dual write uses it, after
 * its commit: nothing ties this send to the order row.
 */
public interface PlainOrderCreatedSender {

    /** @throws RuntimeException when the broker did not take the message */
    void send(OrderCreated event);
}
