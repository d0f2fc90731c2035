package io.txlab.payment.account.web;

import io.txlab.support.audit.ServiceRecords;
import io.txlab.contracts.timeline.Steps;
import io.txlab.support.audit.TimelineEntry;
import io.txlab.support.participant.ParticipantRecords;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.PaymentMovement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What payment knows about one order, for the order's timeline. Empty entries: it never saw the order. */
@RestController
@RequestMapping("/api/payment/orders")
class PaymentRecordsController {

    private final ParticipantRecords records;
    private final AccountRepository accounts;

    PaymentRecordsController(ParticipantRecords records, AccountRepository accounts) {
        this.records = records;
        this.accounts = accounts;
    }

    /**
     * Lists what payment recorded for one order (consumptions, charges, refunds, dedup hits), for the order's
     * timeline. Empty entries: it never saw the order.
     */
    @GetMapping("/{orderId}")
    ServiceRecords order(@PathVariable String orderId) {
        return records.of(orderId, accounts.movementsOf(orderId).stream().map(this::entry).toList());
    }

    private TimelineEntry entry(PaymentMovement movement) {
        boolean charge = movement.kind() == PaymentMovement.Kind.CHARGE;
        return records.entry(movement.at(), charge ? Steps.PAYMENT_CHARGED : Steps.PAYMENT_REFUNDED,
                (charge ? "charged " : "refunded ") + movement.amountCents() + " cents to user " + movement.userId());
    }
}
