package io.txlab.order.ordering.application;

import java.util.List;

import io.txlab.order.ordering.domain.Order;

/** The orders table read as a list: newest first by (created_at, order_id), a page at a time. */
public interface ListedOrders {

    List<Order> newestFirst(OrderListQuery query);
}
