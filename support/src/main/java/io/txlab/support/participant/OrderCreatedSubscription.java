package io.txlab.support.participant;

import java.util.List;
import java.util.function.Consumer;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.Topics;
import io.txlab.support.messaging.BatchConsumer;
import io.txlab.support.messaging.BatchConsumers;
import io.txlab.support.messaging.InboundEvents;

/** How every participant consumes OrderCreated: in its own group, a batch (one pull) at a time. */
public final class OrderCreatedSubscription {

    private static final int THREADS = 2;

    private final BatchConsumers consumers;
    private final InboundEvents inbound;

    OrderCreatedSubscription(BatchConsumers consumers, InboundEvents inbound) {
        this.consumers = consumers;
        this.inbound = inbound;
    }

    /** A consumer to be declared as a bean; {@code handler} is the participant's application service. */
    public BatchConsumer subscribe(Participant participant, Consumer<List<OrderCreated>> handler) {
        return consumers.subscribe(new BatchConsumer.Subscription(ConsumerGroups.orderCreatedGroupOf(participant),
                        Topics.ORDER_EVENTS,
                        OrderCreated.TYPE, THREADS),
                (batch, sendBack) -> inbound.dispatchBatch(participant.tag(), batch, OrderCreated.class, handler,
                        sendBack));
    }
}
