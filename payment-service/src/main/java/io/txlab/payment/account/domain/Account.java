package io.txlab.payment.account.domain;

/** A user's balance, in cents. */
public record Account(long userId, long balanceCents, int version) {

    public Account {
        if (balanceCents < 0) {
            throw new IllegalArgumentException("balance of user " + userId + " is negative: " + balanceCents);
        }
    }

    /** Decides whether {@code amountCents} can be charged from the balance as it is now. */
    public Charge charge(long amountCents) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountCents);
        }
        return amountCents <= balanceCents ? Charge.accept() : Charge.reject(Charge.Reason.INSUFFICIENT_BALANCE);
    }
}
