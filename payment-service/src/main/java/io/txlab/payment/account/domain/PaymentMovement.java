package io.txlab.payment.account.domain;

import java.time.Instant;

/** A change to an account's balance made for an order: taken by its charge, or given back by its refund. */
public record PaymentMovement(String orderId, long userId, long amountCents, Kind kind, Instant at) {

    public enum Kind { CHARGE, REFUND }
}
