package io.txlab.order.ordering.application;

import io.txlab.order.ordering.domain.Order;

/** @param replayed true when the request id was seen before and the existing order is returned */
public record PlacedOrder(Order order, boolean replayed) {
}
