package io.txlab.payment.account.domain;

import java.util.List;
import java.util.Optional;

/** Port to the account table and its movements. */
public interface AccountRepository {

    Optional<Account> find(long userId);

    /**
     * Charges {@code amountCents} to the account, inside the caller's transaction. Never takes a balance below
     * zero: the conditional write is the decision. It records no movement: the caller records the charge with
     * {@link #recordCharges} inside the same transaction.
     *
     * @return false when the account holds less, or does not exist (nothing changed)
     */
    boolean charge(long userId, long amountCents);

    /**
     * Records the CHARGE movements of applied charges with one write, inside the caller's transaction (the one
     * whose conditional writes took the amounts). An order charged twice fails on the movement's unique key,
     * and rolls back the transaction. An empty list writes nothing.
     */
    void recordCharges(List<BalanceCharge> charges);

    /**
     * Gives back exactly what the order's charge took and records the refund, inside the caller's
     * transaction. A second refund of the same order fails on the movement's unique key.
     *
     * @throws IllegalStateException when the order has no charge
     */
    void refund(String orderId);

    List<PaymentMovement> movementsOf(String orderId);
}
