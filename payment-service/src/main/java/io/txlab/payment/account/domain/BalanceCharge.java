package io.txlab.payment.account.domain;

/** What an applied order's charge took from the buyer's account, to be recorded as its CHARGE movement. */
public record BalanceCharge(String orderId, long userId, long amountCents) {
}
