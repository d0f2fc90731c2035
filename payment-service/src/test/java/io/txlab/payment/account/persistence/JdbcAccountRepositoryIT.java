package io.txlab.payment.account.persistence;

import io.txlab.devstack.ThrowawaySchema;
import io.txlab.payment.account.domain.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real MariaDB (this machine's on 3306, else an embedded one: {@link ThrowawaySchema}), in a throwaway
 * schema.
 */
class JdbcAccountRepositoryIT {

    private static ThrowawaySchema schema;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static JdbcAccountRepository repository;

    @BeforeAll
    static void createSchema() {
        schema = ThrowawaySchema.migratedFor("payment");
        jdbc = schema.jdbc();
        transactions = schema.transactions();
        repository = new JdbcAccountRepository(jdbc);
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void readsSeededAccountsAndNothingForAnUnknownUser() {
        assertThat(repository.find(91)).contains(new Account(91, 500, 0));
        assertThat(repository.find(999_999)).isEmpty();
    }

    @Test
    void chargesAndRecordsTheMovement() {
        repository.charge("order-a", 1, 2_550);

        assertThat(repository.find(1)).hasValueSatisfying(account -> {
            assertThat(account.balanceCents()).isEqualTo(97_450);
            assertThat(account.version()).isEqualTo(1);
        });
        assertThat(movements("order-a")).isEqualTo("1:2550:CHARGE");
    }

    @Test
    void takesTheWholeBalanceButNeverGoesBelowZero() {
        assertThat(repository.charge("order-b", 92, 500)).isTrue();

        assertThat(repository.charge("order-c", 92, 1)).as("the conditional write decides").isFalse();
        assertThat(repository.find(92).orElseThrow().balanceCents()).isZero();
        assertThat(movements("order-c")).isEmpty();
    }

    @Test
    void aSecondChargeForTheSameOrderRollsBackWithItsTransaction() {
        repository.charge("order-d", 2, 100);
        long before = repository.find(2).orElseThrow().balanceCents();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> repository.charge("order-d", 2, 100)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.find(2).orElseThrow().balanceCents()).isEqualTo(before);
    }

    private static String movements(String orderId) {
        return String.join(",", jdbc.sql("""
                SELECT CONCAT(user_id, ':', amount_cents, ':', kind) FROM payment_movement WHERE order_id = :orderId
                """).param("orderId", orderId).query(String.class).list());
    }
}
