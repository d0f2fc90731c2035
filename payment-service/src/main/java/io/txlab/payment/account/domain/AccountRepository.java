package io.txlab.payment.account.domain;

import java.util.Optional;

/** Port to the account table and its movements. */
public interface AccountRepository {

    Optional<Account> find(long userId);

    /**
     * Charges {@code amountCents} for an order and records the movement, inside the caller's transaction.
     * Never takes a balance below zero: when less is left than the caller decided on, it throws
     * {@code io.txlab.common.consume.ConcurrentChangeException} and changes nothing.
     */
    void charge(String orderId, long userId, long amountCents);
}
