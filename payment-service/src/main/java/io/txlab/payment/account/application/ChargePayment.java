package io.txlab.payment.account.application;

import java.util.List;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Participant;
import io.txlab.support.participant.ReplyToOrder;
import io.txlab.support.participant.Verdict;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.BalanceCharge;
import io.txlab.payment.account.domain.Charge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Charges new orders' amounts to their buyers' accounts, once per order, and replies to the order service. */
@Service
public class ChargePayment implements ReplyToOrder.Part {

    private static final Logger log = LoggerFactory.getLogger(ChargePayment.class);

    private final ReplyToOrder replyToOrder;
    private final AccountRepository accounts;

    public ChargePayment(ReplyToOrder replyToOrder, AccountRepository accounts) {
        this.replyToOrder = replyToOrder;
        this.accounts = accounts;
    }

    public void handle(List<OrderCreated> orders) {
        replyToOrder.handle(Participant.PAYMENT, orders, this);
    }

    @Override
    public Verdict apply(OrderCreated order) {
        return accounts.charge(order.userId(), order.amountCents()) ? Verdict.accept() : rejected(order);
    }

    @Override
    public void recordApplied(List<OrderCreated> applied) {
        accounts.recordCharges(applied.stream()
                .map(order -> new BalanceCharge(order.orderId(), order.userId(), order.amountCents()))
                .toList());
    }

    @Override
    public String row(OrderCreated order) {
        return "account:" + order.userId();
    }

    /** The rare path: the charge changed nothing, so read why (the read can only name the reason). */
    private Verdict rejected(OrderCreated order) {
        Charge why = Charge.decide(accounts.find(order.userId()), order.amountCents());
        Charge.Reason reason = why.accepted() ? Charge.Reason.INSUFFICIENT_BALANCE : why.reason();
        log.info("payment user={} amountCents={}: rejected {}", order.userId(), order.amountCents(), reason);
        return Verdict.reject(reason.name());
    }
}
