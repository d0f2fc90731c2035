package io.txlab.order.ordering.application;

import java.time.Clock;
import java.util.UUID;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.Product;
import io.txlab.order.ordering.domain.ProductCatalogue;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * THE ANTI-PATTERN, kept as the baseline the platform is measured against: commit the order, then send
 * OrderCreated as a plain message. A crash between the two steps leaves an order whose event is lost: no
 * participant ever hears of it, and nothing in the broker will ever ask. Only with the chaos profile.
 */
@Service
@Profile("chaos")
public class PlaceOrderWithDualWrite {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrderWithDualWrite.class);

    private final OrderRepository orders;
    private final ProductCatalogue catalogue;
    private final TransactionTemplate transactions;
    private final PlainOrderCreatedSender sender;
    private final FaultPoints faults;
    private final Clock clock;

    public PlaceOrderWithDualWrite(OrderRepository orders, ProductCatalogue catalogue, TransactionTemplate transactions,
                                   PlainOrderCreatedSender sender, FaultPoints faults, Clock clock) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.transactions = transactions;
        this.sender = sender;
        this.faults = faults;
        this.clock = clock;
    }

    public Order place(PlaceOrderCommand command) {
        Product product = catalogue.find(command.productId())
                .orElseThrow(() -> new UnknownProductException(command.productId()));
        Order order = Order.place(UUID.randomUUID().toString(), command, product, clock.instant());
        try {
            transactions.executeWithoutResult(status -> orders.insert(order));
        } catch (DuplicateKeyException e) {
            // Not idempotent, by design; still, a request id used before is the client's error, not a failure.
            String first = orders.findByRequestId(command.requestId()).map(Order::orderId).orElseThrow(() -> e);
            throw new RequestIdConflictException(command.requestId(), first);
        }
        faults.pass(FaultPoint.BETWEEN_COMMIT_AND_SEND);
        OrderCreated event = OrderCreated.of(order.orderId(), order.userId(), order.productId(), order.quantity(),
                order.amountCents(), order.createdAt());
        sender.send(event);
        log.warn("UNSAFE dual write: order {} committed, then OrderCreated sent as a plain message", order.orderId());
        return order;
    }
}
