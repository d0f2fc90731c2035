package io.txlab.payment.account.domain;

import java.util.Optional;

/** The decision on an order's payment: charge it, or reject the order with a reason. */
public record Charge(boolean accepted, Reason reason) {

    public enum Reason { UNKNOWN_ACCOUNT, INSUFFICIENT_BALANCE }

    public Charge {
        if (accepted == (reason != null)) {
            throw new IllegalArgumentException("an accepted charge has no reason, a rejected one has one");
        }
    }

    /** The decision for an account that may not exist. */
    public static Charge decide(Optional<Account> account, long amountCents) {
        return account.map(a -> a.charge(amountCents)).orElseGet(() -> reject(Reason.UNKNOWN_ACCOUNT));
    }

    static Charge accept() {
        return new Charge(true, null);
    }

    static Charge reject(Reason reason) {
        return new Charge(false, reason);
    }
}
