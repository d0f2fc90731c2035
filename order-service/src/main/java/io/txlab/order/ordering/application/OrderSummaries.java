package io.txlab.order.ordering.application;

import java.util.Optional;

import io.txlab.order.ordering.domain.OrderRepository;
import org.springframework.stereotype.Service;

/** Orders as the other features of this service read them: a flash sale's gate and its reconciliation. */
@Service
public class OrderSummaries {

    private final OrderRepository orders;

    public OrderSummaries(OrderRepository orders) {
        this.orders = orders;
    }

    public Optional<OrderSummary> byId(String orderId) {
        return orders.findById(orderId).map(OrderSummary::of);
    }

    public Optional<OrderSummary> byRequestId(String requestId) {
        return orders.findByRequestId(requestId).map(OrderSummary::of);
    }
}
