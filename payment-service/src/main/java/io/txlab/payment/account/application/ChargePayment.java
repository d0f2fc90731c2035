package io.txlab.payment.account.application;

import io.txlab.common.consume.IdempotentConsumer;
import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.event.ParticipantReplied;
import io.txlab.common.event.Topics;
import io.txlab.common.fault.FaultPoints;
import io.txlab.common.tx.PublishResult;
import io.txlab.common.tx.TransactionalPublisher;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.Charge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Charges a new order's amount, once per order, and replies with a half message whose local transaction
 * records the consumption and the charge together.
 */
@Service
public class ChargePayment {

    static final String CONSUMER = "payment";
    static final String BEFORE_REPLY = "payment.before-reply";

    private static final Logger log = LoggerFactory.getLogger(ChargePayment.class);

    private final IdempotentConsumer idempotentConsumer;
    private final TransactionalPublisher publisher;
    private final AccountRepository accounts;
    private final FaultPoints faults;

    public ChargePayment(IdempotentConsumer idempotentConsumer, TransactionalPublisher publisher,
                         AccountRepository accounts, FaultPoints faults) {
        this.idempotentConsumer = idempotentConsumer;
        this.publisher = publisher;
        this.accounts = accounts;
        this.faults = faults;
    }

    public void handle(OrderCreated order) {
        idempotentConsumer.runOnce(CONSUMER, order, () -> charge(order));
    }

    private void charge(OrderCreated order) {
        // The reply's body is fixed before its local transaction runs: decide now, re-check in the UPDATE.
        Charge charge = Charge.decide(accounts.find(order.userId()), order.amountCents());
        log.info("payment user={} amountCents={}: {}", order.userId(), order.amountCents(),
                charge.accepted() ? "accepted" : "rejected " + charge.reason());
        ParticipantReplied reply = charge.accepted()
                ? ParticipantReplied.applied(order.orderId(), Participant.PAYMENT)
                : ParticipantReplied.rejected(order.orderId(), Participant.PAYMENT, charge.reason().name());
        faults.pass(BEFORE_REPLY);

        PublishResult result = publisher.publish(Topics.ORDER_REPLIES, Participant.PAYMENT.tag(), reply, txId -> {
            idempotentConsumer.markConsumed(CONSUMER, order);
            if (charge.accepted()) {
                accounts.charge(order.orderId(), order.userId(), order.amountCents());
            }
        });
        // AlreadyConsumed and ConcurrentChange rethrown here are handled by the idempotent consumer.
        result.requireRecorded();
        log.info("payment reply {} applied={} txId={}", result.outcome(), reply.applied(), result.txId());
    }
}
