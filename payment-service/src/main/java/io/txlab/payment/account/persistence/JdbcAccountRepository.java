package io.txlab.payment.account.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.txlab.payment.account.domain.Account;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.BalanceCharge;
import io.txlab.payment.account.domain.PaymentMovement;
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
    public boolean charge(long userId, long amountCents) {
        // The condition is what keeps a balance from going negative, and its row count is the decision.
        return jdbc.sql("""
                UPDATE account SET balance_cents = balance_cents - :amount, version = version + 1
                WHERE user_id = :userId AND balance_cents >= :amount
                """)
                .param("amount", amountCents)
                .param("userId", userId)
                .update() == 1;
    }

    /** One multi-row INSERT: JdbcClient expands the list of rows into {@code (?, ?, ?, ?), (...)}. */
    @Override
    public void recordCharges(List<BalanceCharge> charges) {
        if (charges.isEmpty()) {
            return;
        }
        List<Object[]> rows = charges.stream()
                .map(c -> new Object[] {c.orderId(), c.userId(), c.amountCents(), "CHARGE"})
                .toList();
        jdbc.sql("""
                INSERT INTO payment_movement (order_id, user_id, amount_cents, kind)
                VALUES :rows
                """)
                .param("rows", rows)
                .update();
    }

    @Override
    public void refund(String orderId) {
        // INSERT ... SELECT reads the charge with a locking read: the latest committed row, whatever this
        // transaction's snapshot holds. The unique (order_id, kind) key makes a second refund fail.
        int refunded = jdbc.sql("""
                INSERT INTO payment_movement (order_id, user_id, amount_cents, kind)
                SELECT order_id, user_id, amount_cents, 'REFUND' FROM payment_movement
                WHERE order_id = :orderId AND kind = 'CHARGE'
                """)
                .param("orderId", orderId)
                .update();
        if (refunded == 0) {
            throw new IllegalStateException("order " + orderId + " has no charge to refund");
        }
        jdbc.sql("""
                UPDATE account a JOIN payment_movement m ON m.user_id = a.user_id
                SET a.balance_cents = a.balance_cents + m.amount_cents, a.version = a.version + 1
                WHERE m.order_id = :orderId AND m.kind = 'REFUND'
                """)
                .param("orderId", orderId)
                .update();
    }

    @Override
    public List<PaymentMovement> movementsOf(String orderId) {
        return jdbc.sql("""
                SELECT order_id, user_id, amount_cents, kind, created_at FROM payment_movement
                WHERE order_id = :orderId ORDER BY id
                """)
                .param("orderId", orderId)
                .query(JdbcAccountRepository::movement)
                .list();
    }

    private static PaymentMovement movement(ResultSet rs, int row) throws SQLException {
        return new PaymentMovement(rs.getString("order_id"), rs.getLong("user_id"), rs.getLong("amount_cents"),
                PaymentMovement.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("created_at").toInstant());
    }
}
