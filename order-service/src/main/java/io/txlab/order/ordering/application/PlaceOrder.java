package io.txlab.order.ordering.application;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.support.logging.LogContext;
import io.txlab.support.tx.PublishResult;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.Product;
import io.txlab.order.ordering.domain.ProductCatalogue;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Places an order: records the order row together with its OrderCreated, in the way the request asks for
 * ({@link PublishMode}: a half message whose local transaction inserts the row, or an outbox row in the same
 * DB transaction). A request id seen before returns the existing order and publishes nothing. The unique key
 * on request_id is the guarantee: of concurrent repeats that all miss the look-up, one local transaction
 * commits and the others fail on the key, roll their half message (or outbox row) back and return the winner.
 * No lock: it cost three Redis round trips on every order to save a rolled-back half message on a rare
 * concurrent repeat (docs/benchmarks.md, "Hot path, step by step").
 */
@Service
public class PlaceOrder {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrder.class);

    private final OrderRepository orders;
    private final ProductCatalogue catalogue;
    private final Map<PublishMode, OrderCreatedPublication> publications = new EnumMap<>(PublishMode.class);
    private final Clock clock;

    public PlaceOrder(OrderRepository orders, ProductCatalogue catalogue, List<OrderCreatedPublication> publications,
                      Clock clock) {
        this.orders = orders;
        this.catalogue = catalogue;
        publications.forEach(publication -> this.publications.put(publication.mode(), publication));
        for (PublishMode mode : PublishMode.values()) {
            if (!this.publications.containsKey(mode)) {
                throw new IllegalStateException("no publication for " + mode);
            }
        }
        this.clock = clock;
    }

    public PlacedOrder place(PlaceOrderCommand command) {
        return place(command, PublishMode.TRANSACTIONAL);
    }

    public PlacedOrder place(PlaceOrderCommand command, PublishMode mode) {
        return place(command, UUID.randomUUID().toString(), null, mode);
    }

    /**
     * Places an order of a flash sale under the id its unit was taken for. The unique sale slot (one
     * active order per user and sale) rolls back a second one: {@link OrderNotPlacedException} caused by a
     * {@code DuplicateKeyException}.
     */
    public PlacedOrder placeInSale(PlaceOrderCommand command, String orderId, String saleId) {
        return place(command, orderId, saleId, PublishMode.TRANSACTIONAL);
    }

    /** One look-up by request id: a new order (the common case) pays for no second one. */
    private PlacedOrder place(PlaceOrderCommand command, String orderId, String saleId, PublishMode mode) {
        Product product = catalogue.find(command.productId())
                .orElseThrow(() -> new UnknownProductException(command.productId()));
        return orders.findByRequestId(command.requestId())
                .map(order -> replay(order, command))
                .orElseGet(() -> publishNewOrder(Order.placeInSale(orderId, command, product, saleId,
                        clock.instant()), command, publications.get(mode)));
    }

    private PlacedOrder publishNewOrder(Order order, PlaceOrderCommand command, OrderCreatedPublication publication) {
        try (var ignored = LogContext.order(order.orderId())) {
            OrderCreated event = OrderCreated.of(order.orderId(), order.userId(), order.productId(),
                    order.quantity(), order.amountCents(), order.createdAt(), order.saleId());
            PublishResult result = publication.publish(order, event);
            log.info("order placed publish={} txId={} outcome={}", publication.mode().parameterValue(), result.txId(),
                    result.outcome());
            return switch (result.outcome()) {
                case COMMITTED -> new PlacedOrder(order, false);
                case IN_DOUBT -> throw OrderNotPlacedException.inDoubt("order outcome in doubt: retry with the "
                        + "same requestId; " + (publication.mode() == PublishMode.OUTBOX
                        ? "a repeat finds the order if it was recorded"
                        : "the broker's check-back decides from the tx_log"), order.orderId(),
                        result.failure().orElse(null));
                case NOT_RUN -> throw new OrderNotPlacedException(
                        "order not recorded; the broker's check-back will roll its half message back",
                        order.orderId(), null);
                case ROLLED_BACK -> duplicateOrFail(command, order.orderId(), result, publication.mode());
            };
        }
    }

    private PlacedOrder duplicateOrFail(PlaceOrderCommand command, String orderId, PublishResult result,
                                        PublishMode mode) {
        RuntimeException failure = result.failure().orElse(null);
        if (failure instanceof DuplicateKeyException) {
            Optional<Order> winner = orders.findByRequestId(command.requestId());
            if (winner.isPresent()) {
                return replay(winner.get(), command);
            }
        }
        throw new OrderNotPlacedException(mode == PublishMode.OUTBOX
                ? "order not recorded; its outbox row was rolled back with it"
                : "order not recorded; its half message was rolled back", orderId, failure);
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
