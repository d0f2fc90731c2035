package io.txlab.order.ordering.application;

import java.time.Instant;

import io.txlab.order.ordering.domain.OrderStatus;

/**
 * One page's worth of the order list, newest first.
 *
 * @param status        only orders in this status, or null for all
 * @param createdBefore only orders created before this instant (a stuck order's age), or null
 * @param since         only orders created at or after this instant, or null
 * @param after         the page starts after this order, or null for the first page
 * @param limit         at most this many orders
 */
public record OrderListQuery(OrderStatus status, Instant createdBefore, Instant since, OrderCursor after, int limit) {
}
