package io.txlab.order.ordering.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port to the order store. */
public interface OrderRepository {

    /** Fails with a duplicate key when the request id was used already. */
    void insert(Order order);

    Optional<Order> findById(String orderId);

    Optional<Order> findByRequestId(String requestId);

    /** The orders of {@code orderIds} that exist, locked for update until the caller's transaction ends. */
    List<Order> findForUpdate(Collection<String> orderIds);

    /** PENDING orders created before {@code cutoff}, oldest first. */
    List<Order> findPendingCreatedBefore(Instant cutoff, int limit);

    /** Writes {@code updated} if the stored row still has {@code updated.version()}; else a concurrent change. */
    void update(Order updated);
}
