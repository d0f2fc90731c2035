package io.txlab.payment.account.application;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.support.participant.CompensateOrder;
import io.txlab.payment.account.domain.AccountRepository;
import org.springframework.stereotype.Service;

/** Refunds a cancelled order's charge, once, and only if it was charged here. */
@Service
public class RefundPayment {

    private final CompensateOrder compensateOrder;
    private final AccountRepository accounts;

    public RefundPayment(CompensateOrder compensateOrder, AccountRepository accounts) {
        this.compensateOrder = compensateOrder;
        this.accounts = accounts;
    }

    public void handle(OrderCancelled cancelled) {
        compensateOrder.handle(Participant.PAYMENT, cancelled, () -> accounts.refund(cancelled.orderId()));
    }
}
