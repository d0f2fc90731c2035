package io.txlab.order.ordering.application;

import java.util.Optional;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.tx.CommitOutcome;
import io.txlab.support.tx.CommitOutcomeResolver;
import io.txlab.support.tx.PublishResult;
import io.txlab.support.tx.PublishResult.Outcome;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.springframework.stereotype.Component;

/**
 * OrderCreated through the outbox: the order row and the event's outbox row in one DB transaction, then a
 * wake-up for this instance's relay, which sends it. Nothing talks to the broker before the commit. A failed
 * commit is resolved from the order row, as a half message's is from the tx_log.
 */
@Component
class PublishThroughOutbox implements OrderCreatedPublication {

    private final OrderRepository orders;
    private final EventOutbox outbox;
    private final CommitOutcomeResolver commits;
    private final JsonCodec codec;

    PublishThroughOutbox(OrderRepository orders, EventOutbox outbox, CommitOutcomeResolver commits,
                         JsonCodec codec) {
        this.orders = orders;
        this.outbox = outbox;
        this.commits = commits;
        this.codec = codec;
    }

    @Override
    public PublishMode mode() {
        return PublishMode.OUTBOX;
    }

    @Override
    public PublishResult publish(Order order, OrderCreated event) {
        byte[] payload = codec.encode(event);
        CommitOutcome<Long> outcome = commits.run(() -> {
            orders.insert(order);
            return outbox.add(order.orderId(), Topics.ORDER_EVENTS, OrderCreated.TYPE, event.type(), payload);
        }, "the order row", () -> orders.findById(order.orderId()).isPresent());
        return switch (outcome.status()) {
            case COMMITTED -> committed("outbox:" + outcome.value());
            case FOUND_COMMITTED -> committed(null); // the outbox row's id is not known
            case ROLLED_BACK -> new PublishResult(null, Outcome.ROLLED_BACK, Optional.of(outcome.failure()));
            case IN_DOUBT -> new PublishResult(null, Outcome.IN_DOUBT, Optional.of(outcome.failure()));
        };
    }

    private PublishResult committed(String txId) {
        outbox.relayNow();
        return new PublishResult(txId, Outcome.COMMITTED, Optional.empty());
    }
}
