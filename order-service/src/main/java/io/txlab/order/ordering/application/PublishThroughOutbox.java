package io.txlab.order.ordering.application;

import java.util.Optional;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.tx.PublishResult;
import io.txlab.support.tx.PublishResult.Outcome;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OrderCreated through the outbox: the order row and the event's outbox row in one DB transaction, then a
 * wake-up for this instance's relay, which sends it. Nothing talks to the broker before the commit.
 */
@Component
class PublishThroughOutbox implements OrderCreatedPublication {

    private static final Logger log = LoggerFactory.getLogger(PublishThroughOutbox.class);

    private final OrderRepository orders;
    private final EventOutbox outbox;
    private final TransactionTemplate transactions;
    private final JsonCodec codec;

    PublishThroughOutbox(OrderRepository orders, EventOutbox outbox, TransactionTemplate transactions,
                         JsonCodec codec) {
        this.orders = orders;
        this.outbox = outbox;
        this.transactions = transactions;
        this.codec = codec;
    }

    @Override
    public PublishMode mode() {
        return PublishMode.OUTBOX;
    }

    @Override
    public PublishResult publish(Order order, OrderCreated event) {
        byte[] payload = codec.encode(event);
        boolean[] workDone = {false};
        long outboxId;
        try {
            outboxId = transactions.execute(status -> {
                orders.insert(order);
                long id = outbox.add(order.orderId(), Topics.ORDER_EVENTS, OrderCreated.TYPE, event.type(), payload);
                workDone[0] = true;
                return id;
            });
        } catch (RuntimeException e) {
            return workDone[0] ? afterFailedCommit(order, e) : result(Outcome.ROLLED_BACK, e);
        }
        outbox.relayNow();
        return new PublishResult("outbox:" + outboxId, Outcome.COMMITTED, Optional.empty());
    }

    /** The commit failed, so it may or may not have happened: the order row tells, as the tx_log would. */
    private PublishResult afterFailedCommit(Order order, RuntimeException e) {
        log.warn("commit of order and outbox row failed ({}), reading the order back", e.toString());
        try {
            if (orders.findById(order.orderId()).isEmpty()) {
                return result(Outcome.ROLLED_BACK, e);
            }
        } catch (RuntimeException unreadable) {
            return result(Outcome.IN_DOUBT, e);
        }
        outbox.relayNow();
        return result(Outcome.COMMITTED, null);
    }

    private static PublishResult result(Outcome outcome, RuntimeException failure) {
        return new PublishResult(null, outcome, Optional.ofNullable(failure));
    }
}
