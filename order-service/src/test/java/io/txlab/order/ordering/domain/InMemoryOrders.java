package io.txlab.order.flashsale.application;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.OrderStatus;
import org.springframework.dao.DuplicateKeyException;

/**
 * The orders table in memory, with its unique keys: the order id, the request id, and the sale slot (one
 * active order per user and sale); a second insert on any of them fails with a DuplicateKeyException.
 */
final class InMemoryOrders implements OrderRepository {

    private final Map<String, Order> byId = new LinkedHashMap<>();

    synchronized List<Order> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public synchronized void insert(Order order) {
        if (byId.containsKey(order.orderId())) {
            throw new DuplicateKeyException("Duplicate entry '" + order.orderId() + "' for key 'PRIMARY'");
        }
        if (findByRequestId(order.requestId()).isPresent()) {
            throw new DuplicateKeyException("Duplicate entry '" + order.requestId() + "' for key 'uk_orders_request_id'");
        }
        if (holdsSaleSlot(order) && byId.values().stream().anyMatch(other -> holdsSaleSlot(other)
                && other.saleId().equals(order.saleId()) && other.userId() == order.userId())) {
            throw new DuplicateKeyException("Duplicate entry '" + order.saleId() + ":" + order.userId()
                    + "' for key 'uk_orders_sale_slot'");
        }
        byId.put(order.orderId(), order);
    }

    private static boolean holdsSaleSlot(Order order) {
        return order.saleId() != null && order.status() != OrderStatus.CANCELLED;
    }

    @Override
    public synchronized Optional<Order> findById(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    @Override
    public synchronized Optional<Order> findByRequestId(String requestId) {
        return byId.values().stream().filter(order -> order.requestId().equals(requestId)).findFirst();
    }

    @Override
    public List<Order> findForUpdate(Collection<String> orderIds) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public List<Order> findPendingCreatedBefore(Instant cutoff, int limit) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void update(Order updated) {
        throw new UnsupportedOperationException("not needed by these tests");
    }
}
