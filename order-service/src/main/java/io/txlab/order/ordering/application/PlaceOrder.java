package io.txlab.order.ordering.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Topics;
import io.txlab.common.logging.LogContext;
import io.txlab.common.tx.PublishResult;
import io.txlab.common.tx.TransactionalPublisher;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.PlaceOrderCommand;
import io.txlab.order.ordering.domain.Product;
import io.txlab.order.ordering.domain.ProductCatalogue;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Places an order: sends OrderCreated as a half message whose local transaction inserts the order row.
 * A request id seen before returns the existing order and sends nothing. A Redisson lock on the request
 * id keeps concurrent repeats from even sending a half message; the unique key on request_id is the
 * guarantee when the lock is not enough (or Redis is down).
 */
@Service
public class PlaceOrder {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrder.class);

    private final OrderRepository orders;
    private final ProductCatalogue catalogue;
    private final TransactionalPublisher publisher;
    private final RedissonClient redisson;
    private final Clock clock;

    public PlaceOrder(OrderRepository orders, ProductCatalogue catalogue, TransactionalPublisher publisher,
                      RedissonClient redisson) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.redisson = redisson;
        this.clock = Clock.systemUTC();
    }

    public PlacedOrder place(PlaceOrderCommand command) {
        Optional<Order> existing = orders.findByRequestId(command.requestId());
        if (existing.isPresent()) {
            return new PlacedOrder(existing.get(), true);
        }
        Product product = catalogue.find(command.productId())
                .orElseThrow(() -> new UnknownProductException(command.productId()));
        RLock lock = lockRequest(command.requestId());
        try {
            return orders.findByRequestId(command.requestId())
                    .map(order -> new PlacedOrder(order, true))
                    .orElseGet(() -> publishNewOrder(command, product));
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    private PlacedOrder publishNewOrder(PlaceOrderCommand command, Product product) {
        Order order = Order.place(UUID.randomUUID().toString(), command, product, clock.instant());
        try (var ignored = LogContext.order(order.orderId())) {
            OrderCreated event = OrderCreated.of(order.orderId(), order.userId(), order.productId(),
                    order.quantity(), order.amountCents(), order.createdAt());
            PublishResult result = publisher.publish(Topics.ORDER_EVENTS, OrderCreated.TYPE, event,
                    txId -> orders.insert(order));
            log.info("order placed as half message txId={} outcome={}", result.txId(), result.outcome());
            return switch (result.outcome()) {
                case COMMITTED -> new PlacedOrder(order, false);
                case IN_DOUBT -> orders.findById(order.orderId())
                        .map(stored -> new PlacedOrder(stored, false))
                        .orElseThrow(() -> new OrderNotPlacedException(
                                "order outcome in doubt; the broker's check-back decides from the tx_log",
                                order.orderId(), result.failure().orElse(null)));
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
                return new PlacedOrder(winner.get(), true);
            }
        }
        throw new OrderNotPlacedException("order not recorded; its half message was rolled back", orderId, failure);
    }

    /** @return the held lock, or null when Redis is unavailable (the unique key still decides) */
    private RLock lockRequest(String requestId) {
        try {
            RLock lock = redisson.getLock("txlab:lock:order-request:" + requestId);
            return lock.tryLock(10, TimeUnit.SECONDS) ? lock : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            log.warn("request lock unavailable, relying on the unique request id: {}", e.toString());
            return null;
        }
    }
}
