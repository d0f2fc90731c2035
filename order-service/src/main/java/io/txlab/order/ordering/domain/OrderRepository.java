package io.txlab.order.ordering.domain;

import java.util.Optional;

/** Port to the order store. */
public interface OrderRepository {

    /** Fails with a duplicate key when the request id was used already. */
    void insert(Order order);

    Optional<Order> findById(String orderId);

    Optional<Order> findByRequestId(String requestId);

    /** Writes {@code updated} if the stored row still has {@code updated.version()}; else a concurrent change. */
    void update(Order updated);
}
