package io.txlab.order.ordering.web;

import java.net.URI;

import io.txlab.order.ordering.application.PlaceOrderWithDualWrite;
import io.txlab.order.ordering.domain.Order;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/unsafe/dual-write/orders}: the anti-pattern (commit, then plain send), for the
 * dual-write-baseline scenario. Not idempotent and not safe; only with the chaos profile.
 */
@RestController
@RequestMapping("/api/unsafe/dual-write/orders")
@Profile("chaos")
class DualWriteController {

    private final PlaceOrderWithDualWrite placeOrder;

    DualWriteController(PlaceOrderWithDualWrite placeOrder) {
        this.placeOrder = placeOrder;
    }

    /**
     * Places an order the unsafe way, for comparison: the order row and the OrderCreated message written one after
     * the other, with no transaction around both (only with the chaos profile; docs/architecture.md, "Three ways to
     * publish OrderCreated"). 202 with the order, PENDING.
     */
    @PostMapping
    ResponseEntity<OrderView> place(@RequestBody PlaceOrderRequest request) {
        Order order = placeOrder.place(request.toCommand());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/orders/" + order.orderId()))
                .body(OrderView.of(order));
    }
}
