package io.txlab.order.ordering.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.txlab.support.consume.ConcurrentChangeException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The orders table in memory, with its unique keys: the order id, the request id, and the sale slot (one
 * active order per user and sale); a second insert on any of them fails with a DuplicateKeyException. An
 * update is checked on the version read and moves it on, as the SQL does.
 */
public final class InMemoryOrders implements OrderRepository {

    private final Map<String, Order> byId = new LinkedHashMap<>();

    public synchronized List<Order> all() {
        return List.copyOf(byId.values());
    }

    /** The stored order; fails when there is none. */
    public synchronized Order get(String orderId) {
        return Objects.requireNonNull(byId.get(orderId), () -> "no order " + orderId);
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
    public synchronized List<Order> findForUpdate(Collection<String> orderIds) {
        return orderIds.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized List<Order> findPendingCreatedBefore(Instant cutoff, int limit) {
        return byId.values().stream()
                .filter(order -> order.status() == OrderStatus.PENDING && order.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Order::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void update(Order updated) {
        Order stored = byId.get(updated.orderId());
        if (stored == null || stored.version() != updated.version()) {
            throw new ConcurrentChangeException("order " + updated.orderId() + " changed since version "
                    + updated.version());
        }
        byId.put(updated.orderId(), new Order(updated.orderId(), updated.requestId(), updated.userId(),
                updated.productId(), updated.quantity(), updated.amountCents(), updated.status(), updated.inventory(),
                updated.payment(), updated.reason(), updated.version() + 1, updated.createdAt(), updated.saleId()));
    }
}
