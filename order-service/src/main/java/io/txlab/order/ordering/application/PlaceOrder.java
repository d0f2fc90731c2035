package io.txlab.order.ordering.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Topics;
import io.txlab.common.lock.ContentionLocks;
import io.txlab.common.logging.LogContext;
import io.txlab.common.tx.PublishResult;
import io.txlab.common.tx.TransactionalPublisher;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.PlaceOrderCommand;
import io.txlab.order.ordering.domain.Product;
import io.txlab.order.ordering.domain.ProductCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Places an order: sends OrderCreated as a half message whose local transaction inserts the order row.
 * A request id seen before returns the existing order and sends nothing. A lock on the request id keeps
 * concurrent repeats from even sending a half message; the unique key on request_id is the guarantee
 * when the lock is not enough (or Redis is down).
 */
@Service
public class PlaceOrder {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrder.class);

    private final OrderRepository orders;
    private final ProductCatalogue catalogue;
    private final TransactionalPublisher publisher;
    private final ContentionLocks locks;
    private final Clock clock;

    public PlaceOrder(OrderRepository orders, ProductCatalogue catalogue, TransactionalPublisher publisher,
                      ContentionLocks locks) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.locks = locks;
        this.clock = Clock.systemUTC();
    }

    public PlacedOrder place(PlaceOrderCommand command) {
        return place(command, UUID.randomUUID().toString(), null);
    }

    /**
     * Places an order of a flash sale under the id its unit was taken for. The unique sale slot (one
     * active order per user and sale) rolls back a second one: {@link OrderNotPlacedException} caused by a
     * {@code DuplicateKeyException}.
     */
    public PlacedOrder placeInSale(PlaceOrderCommand command, String orderId, String saleId) {
        return place(command, orderId, saleId);
    }

    private PlacedOrder place(PlaceOrderCommand command, String orderId, String saleId) {
        Optional<Order> existing = orders.findByRequestId(command.requestId());
        if (existing.isPresent()) {
            return replay(existing.get(), command);
        }
        Product product = catalogue.find(command.productId())
                .orElseThrow(() -> new UnknownProductException(command.productId()));
        try (var lock = locks.acquire("order-request:" + command.requestId())) {
            return orders.findByRequestId(command.requestId())
                    .map(order -> replay(order, command))
                    .orElseGet(() -> publishNewOrder(Order.placeInSale(orderId, command, product, saleId,
                            clock.instant()), command));
        }
    }

    private PlacedOrder publishNewOrder(Order order, PlaceOrderCommand command) {
        try (var ignored = LogContext.order(order.orderId())) {
            OrderCreated event = OrderCreated.of(order.orderId(), order.userId(), order.productId(),
                    order.quantity(), order.amountCents(), order.createdAt(), order.saleId());
            PublishResult result = publisher.publish(Topics.ORDER_EVENTS, OrderCreated.TYPE, event,
                    txId -> orders.insert(order));
            log.info("order placed as half message txId={} outcome={}", result.txId(), result.outcome());
            return switch (result.outcome()) {
                case COMMITTED -> new PlacedOrder(order, false);
                case IN_DOUBT -> throw OrderNotPlacedException.inDoubt("order outcome in doubt: retry with the "
                        + "same requestId; the broker's check-back decides from the tx_log", order.orderId(),
                        result.failure().orElse(null));
                case NOT_RUN -> throw new OrderNotPlacedException(
                        "order not recorded; the broker's check-back will roll its half message back",
                        order.orderId(), null);
                case ROLLED_BACK -> duplicateOrFail(command, order.orderId(), result);
            };
        }
    }

    private PlacedOrder duplicateOrFail(PlaceOrderCommand command, String orderId, PublishResult result) {
        RuntimeException failure = result.failure().orElse(null);
        if (failure instanceof DuplicateKeyException) {
            Optional<Order> winner = orders.findByRequestId(command.requestId());
            if (winner.isPresent()) {
                return replay(winner.get(), command);
            }
        }
        throw new OrderNotPlacedException("order not recorded; its half message was rolled back", orderId, failure);
    }

    /** A repeat must ask for the same order; the same request id for a different order is a client error. */
    private static PlacedOrder replay(Order existing, PlaceOrderCommand command) {
        if (existing.userId() != command.userId() || existing.productId() != command.productId()
                || existing.quantity() != command.quantity()) {
            throw new RequestIdConflictException(command.requestId(), existing.orderId());
        }
        return new PlacedOrder(existing, true);
    }
}
