package io.txlab.order.ordering.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;
import org.springframework.stereotype.Service;

/** The order list a reviewer pages through: newest first, by status, with "stuck" for old PENDING orders. */
@Service
public class OrderListing {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final Duration DEFAULT_STUCK_AFTER = Duration.ofSeconds(30);

    /** What the list filters on: an order's status, or STUCK (PENDING for longer than a given time). */
    public enum Filter { PENDING, CONFIRMED, CANCELLED, STUCK }

    /** One page, and the cursor of the next one (empty on the last page). */
    public record Page(List<Order> orders, Optional<OrderCursor> next) {
    }

    private final ListedOrders orders;
    private final Clock clock;

    public OrderListing(ListedOrders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * @param filter     a status or STUCK; null for all orders
     * @param stuckAfter how long an order must have been PENDING to count as STUCK
     */
    public Page page(Filter filter, Duration stuckAfter, Instant since, OrderCursor after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        OrderStatus status = filter == null ? null
                : filter == Filter.STUCK ? OrderStatus.PENDING : OrderStatus.valueOf(filter.name());
        Instant createdBefore = filter == Filter.STUCK ? clock.instant().minus(stuckAfter) : null;
        // one more than asked for says whether a next page exists, without a COUNT
        List<Order> found = orders.newestFirst(new OrderListQuery(status, createdBefore, since, after, limit + 1));
        if (found.size() <= limit) {
            return new Page(found, Optional.empty());
        }
        List<Order> page = found.subList(0, limit);
        Order last = page.get(limit - 1);
        return new Page(List.copyOf(page), Optional.of(new OrderCursor(last.createdAt(), last.orderId())));
    }
}
