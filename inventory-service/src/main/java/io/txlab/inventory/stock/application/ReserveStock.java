package io.txlab.inventory.stock.application;

import io.txlab.common.consume.IdempotentConsumer;
import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.event.ParticipantReplied;
import io.txlab.common.event.Topics;
import io.txlab.common.fault.FaultPoints;
import io.txlab.common.tx.PublishResult;
import io.txlab.common.tx.TransactionalPublisher;
import io.txlab.inventory.stock.domain.Reservation;
import io.txlab.inventory.stock.domain.StockRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reserves (deducts) the stock of a new order, once per order, and replies with a half message whose
 * local transaction records the consumption and the deduction together.
 */
@Service
public class ReserveStock {

    static final String CONSUMER = "inventory";
    static final String BEFORE_REPLY = "inventory.before-reply";

    private static final Logger log = LoggerFactory.getLogger(ReserveStock.class);

    private final IdempotentConsumer idempotentConsumer;
    private final TransactionalPublisher publisher;
    private final StockRepository stocks;
    private final FaultPoints faults;

    public ReserveStock(IdempotentConsumer idempotentConsumer, TransactionalPublisher publisher,
                        StockRepository stocks, FaultPoints faults) {
        this.idempotentConsumer = idempotentConsumer;
        this.publisher = publisher;
        this.stocks = stocks;
        this.faults = faults;
    }

    public void handle(OrderCreated order) {
        idempotentConsumer.runOnce(CONSUMER, order, () -> reserve(order));
    }

    private void reserve(OrderCreated order) {
        // The reply's body is fixed before its local transaction runs: decide now, re-check in the UPDATE.
        Reservation reservation = Reservation.decide(stocks.find(order.productId()), order.quantity());
        log.info("stock reservation product={} quantity={}: {}", order.productId(), order.quantity(),
                reservation.accepted() ? "accepted" : "rejected " + reservation.reason());
        ParticipantReplied reply = reservation.accepted()
                ? ParticipantReplied.applied(order.orderId(), Participant.INVENTORY)
                : ParticipantReplied.rejected(order.orderId(), Participant.INVENTORY, reservation.reason().name());
        faults.pass(BEFORE_REPLY);

        PublishResult result = publisher.publish(Topics.ORDER_REPLIES, Participant.INVENTORY.tag(), reply, txId -> {
            idempotentConsumer.markConsumed(CONSUMER, order);
            if (reservation.accepted()) {
                stocks.deduct(order.orderId(), order.productId(), order.quantity());
            }
        });
        // AlreadyConsumed and ConcurrentChange rethrown here are handled by the idempotent consumer.
        result.requireRecorded();
        log.info("stock reply {} applied={} txId={}", result.outcome(), reply.applied(), result.txId());
    }
}
