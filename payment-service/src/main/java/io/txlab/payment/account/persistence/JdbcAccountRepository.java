package io.txlab.payment.account.persistence;

import java.util.Optional;

import io.txlab.common.consume.ConcurrentChangeException;
import io.txlab.payment.account.domain.Account;
import io.txlab.payment.account.domain.AccountRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAccountRepository implements AccountRepository {

    private final JdbcClient jdbc;

    JdbcAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> find(long userId) {
        return jdbc.sql("""
                SELECT user_id, balance_cents, version FROM account WHERE user_id = :userId
                """)
                .param("userId", userId)
                .query((rs, row) -> new Account(rs.getLong("user_id"), rs.getLong("balance_cents"), rs.getInt("version")))
                .optional();
    }

    @Override
    public void charge(String orderId, long userId, long amountCents) {
        // The condition, not the earlier read, is what keeps a balance from going negative.
        int updated = jdbc.sql("""
                UPDATE account SET balance_cents = balance_cents - :amount, version = version + 1
                WHERE user_id = :userId AND balance_cents >= :amount
                """)
                .param("amount", amountCents)
                .param("userId", userId)
                .update();
        if (updated == 0) {
            throw new ConcurrentChangeException("account " + userId + " no longer holds " + amountCents + " cents");
        }
        jdbc.sql("""
                INSERT INTO payment_movement (order_id, user_id, amount_cents, kind)
                VALUES (:orderId, :userId, :amount, 'CHARGE')
                """)
                .param("orderId", orderId)
                .param("userId", userId)
                .param("amount", amountCents)
                .update();
    }
}
