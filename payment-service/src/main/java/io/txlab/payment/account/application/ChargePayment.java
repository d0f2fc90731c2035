package io.txlab.payment.account.application;

import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.participant.ReplyToOrder;
import io.txlab.common.participant.Verdict;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.Charge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Charges a new order's amount to the buyer's account, once per order, and replies to the order service. */
@Service
public class ChargePayment {

    private static final Logger log = LoggerFactory.getLogger(ChargePayment.class);

    private final ReplyToOrder replyToOrder;
    private final AccountRepository accounts;

    public ChargePayment(ReplyToOrder replyToOrder, AccountRepository accounts) {
        this.replyToOrder = replyToOrder;
        this.accounts = accounts;
    }

    public void handle(OrderCreated order) {
        replyToOrder.handle(Participant.PAYMENT, order, () -> decide(order),
                () -> accounts.charge(order.orderId(), order.userId(), order.amountCents()));
    }

    private Verdict decide(OrderCreated order) {
        Charge charge = Charge.decide(accounts.find(order.userId()), order.amountCents());
        log.info("payment user={} amountCents={}: {}", order.userId(), order.amountCents(),
                charge.accepted() ? "accepted" : "rejected " + charge.reason());
        return charge.accepted() ? Verdict.accept() : Verdict.reject(charge.reason().name());
    }
}
