package io.txlab.payment.account.domain;

import java.util.List;
import java.util.Optional;

/** Port to the account table and its movements. */
public interface AccountRepository {

    Optional<Account> find(long userId);

    /**
     * Charges {@code amountCents} for an order and records the movement, inside the caller's transaction.
     * Never takes a balance below zero: the conditional write is the decision.
     *
     * @return false when the account holds less, or does not exist (nothing changed)
     */
    boolean charge(String orderId, long userId, long amountCents);

    /**
     * Gives back exactly what the order's charge took and records the refund, inside the caller's
     * transaction. A second refund of the same order fails on the movement's unique key.
     *
     * @throws IllegalStateException when the order has no charge
     */
    void refund(String orderId);

    List<PaymentMovement> movementsOf(String orderId);
}
