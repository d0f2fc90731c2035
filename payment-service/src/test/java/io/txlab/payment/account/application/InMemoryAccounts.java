package io.txlab.payment.account.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.payment.account.domain.Account;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.BalanceCharge;
import io.txlab.payment.account.domain.PaymentMovement;

/** The account and payment_movement tables in memory, with the repository's conditional writes. */
final class InMemoryAccounts implements AccountRepository {

    private final Map<Long, Long> balances = new HashMap<>();
    private final List<PaymentMovement> movements = new ArrayList<>();
    private final List<List<BalanceCharge>> recorded = new ArrayList<>();

    void open(long userId, long balanceCents) {
        balances.put(userId, balanceCents);
    }

    long balance(long userId) {
        return balances.get(userId);
    }

    /** What each call of {@link #recordCharges} was given, in calling order. */
    List<List<BalanceCharge>> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    public Optional<Account> find(long userId) {
        return Optional.ofNullable(balances.get(userId)).map(balance -> new Account(userId, balance, 0));
    }

    @Override
    public boolean charge(long userId, long amountCents) {
        Long balance = balances.get(userId);
        if (balance == null || balance < amountCents) {
            return false;
        }
        balances.put(userId, balance - amountCents);
        return true;
    }

    /** All or nothing, as the one INSERT: a second charge of an order fails on the unique key. */
    @Override
    public void recordCharges(List<BalanceCharge> charges) {
        recorded.add(List.copyOf(charges));
        List<String> orderIds = charges.stream().map(BalanceCharge::orderId).toList();
        if (orderIds.stream().distinct().count() < orderIds.size() || movements.stream().anyMatch(m ->
                orderIds.contains(m.orderId()) && m.kind() == PaymentMovement.Kind.CHARGE)) {
            throw new IllegalStateException("orders " + orderIds + " hold a charge already (unique key)");
        }
        charges.forEach(c -> movements.add(new PaymentMovement(c.orderId(), c.userId(), c.amountCents(),
                PaymentMovement.Kind.CHARGE, Instant.EPOCH)));
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
