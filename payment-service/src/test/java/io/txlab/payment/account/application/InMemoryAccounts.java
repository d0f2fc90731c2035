package io.txlab.payment.account.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.payment.account.domain.Account;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.PaymentMovement;

/** The account and payment_movement tables in memory, with the repository's conditional writes. */
final class InMemoryAccounts implements AccountRepository {

    private final Map<Long, Long> balances = new HashMap<>();
    private final List<PaymentMovement> movements = new ArrayList<>();

    void open(long userId, long balanceCents) {
        balances.put(userId, balanceCents);
    }

    long balance(long userId) {
        return balances.get(userId);
    }

    @Override
    public Optional<Account> find(long userId) {
        return Optional.ofNullable(balances.get(userId)).map(balance -> new Account(userId, balance, 0));
    }

    @Override
    public boolean charge(String orderId, long userId, long amountCents) {
        Long balance = balances.get(userId);
        if (balance == null || balance < amountCents) {
            return false;
        }
        balances.put(userId, balance - amountCents);
        movements.add(new PaymentMovement(orderId, userId, amountCents, PaymentMovement.Kind.CHARGE, Instant.EPOCH));
        return true;
    }

    @Override
    public void refund(String orderId) {
        PaymentMovement charge = movementsOf(orderId).stream()
                .filter(m -> m.kind() == PaymentMovement.Kind.CHARGE)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + orderId + " has no charge to refund"));
        if (movementsOf(orderId).stream().anyMatch(m -> m.kind() == PaymentMovement.Kind.REFUND)) {
            throw new IllegalStateException("order " + orderId + " was refunded already (unique key)");
        }
        movements.add(new PaymentMovement(orderId, charge.userId(), charge.amountCents(), PaymentMovement.Kind.REFUND,
                Instant.EPOCH));
        balances.merge(charge.userId(), charge.amountCents(), Long::sum);
    }

    @Override
    public List<PaymentMovement> movementsOf(String orderId) {
        return movements.stream().filter(m -> m.orderId().equals(orderId)).toList();
    }
}
