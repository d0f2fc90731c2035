package io.txlab.order.ordering.web;

import java.util.List;

import io.txlab.order.ordering.application.OrderCursor;
import io.txlab.order.ordering.application.OrderListing;

/** One page of the order list; {@code nextCursor} is null on the last page. */
record OrderPageView(List<OrderView> orders, String nextCursor) {

    static OrderPageView of(OrderListing.Page page) {
        return new OrderPageView(page.orders().stream().map(OrderView::of).toList(),
                page.next().map(OrderCursor::token).orElse(null));
    }
}
