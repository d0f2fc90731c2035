package io.txlab.payment.account.persistence;

import java.util.List;

import io.txlab.devstack.ThrowawaySchema;
import io.txlab.payment.account.domain.Account;
import io.txlab.payment.account.domain.BalanceCharge;
import io.txlab.payment.account.domain.PaymentMovement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

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
    void chargesAndRecordsTheMovementInTheSameTransaction() {
        transactions.executeWithoutResult(status -> {
            assertThat(repository.charge(1, 2_550)).isTrue();
            repository.recordCharges(List.of(new BalanceCharge("order-a", 1, 2_550)));
        });

        assertThat(repository.find(1)).hasValueSatisfying(account -> {
            assertThat(account.balanceCents()).isEqualTo(97_450);
            assertThat(account.version()).isEqualTo(1);
        });
        assertThat(movements("order-a")).isEqualTo("1:2550:CHARGE");
    }

    @Test
    void takesTheWholeBalanceButNeverGoesBelowZero() {
        assertThat(repository.charge(92, 500)).isTrue();

        assertThat(repository.charge(92, 1)).as("the conditional write decides").isFalse();
        assertThat(repository.find(92).orElseThrow().balanceCents()).isZero();
    }

    @Test
    void aSecondChargeForTheSameOrderRollsBackWithItsTransaction() {
        repository.recordCharges(List.of(new BalanceCharge("order-d", 2, 100)));
        long before = repository.find(2).orElseThrow().balanceCents();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            repository.charge(2, 100);
            repository.recordCharges(List.of(new BalanceCharge("order-d", 2, 100)));
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.find(2).orElseThrow().balanceCents()).isEqualTo(before);
        assertThat(movements("order-d")).isEqualTo("2:100:CHARGE");
    }

    @Test
    void recordsTheMovementsOfABatchsOrdersInOneCall() {
        transactions.executeWithoutResult(status -> {
            assertThat(repository.charge(3, 700)).isTrue();
            assertThat(repository.charge(4, 1_200)).isTrue();
            repository.recordCharges(List.of(new BalanceCharge("order-e", 3, 700),
                    new BalanceCharge("order-f", 4, 1_200)));
        });

        assertThat(repository.movementsOf("order-e")).extracting(PaymentMovement::userId,
                PaymentMovement::amountCents, PaymentMovement::kind)
                .containsExactly(tuple(3L, 700L, PaymentMovement.Kind.CHARGE));
        assertThat(repository.movementsOf("order-f")).extracting(PaymentMovement::userId,
                PaymentMovement::amountCents, PaymentMovement::kind)
                .containsExactly(tuple(4L, 1_200L, PaymentMovement.Kind.CHARGE));

        repository.refund("order-f");
        assertThat(repository.find(4).orElseThrow().balanceCents()).isEqualTo(100_000);
    }

    @Test
    void anEmptyListOfChargesWritesNothing() {
        int before = movementCount();

        repository.recordCharges(List.of());

        assertThat(movementCount()).isEqualTo(before);
    }

    private static int movementCount() {
        return jdbc.sql("SELECT COUNT(*) FROM payment_movement").query(Integer.class).single();
    }

    private static String movements(String orderId) {
        return String.join(",", jdbc.sql("""
                SELECT CONCAT(user_id, ':', amount_cents, ':', kind) FROM payment_movement WHERE order_id = :orderId
                """).param("orderId", orderId).query(String.class).list());
    }
}
