package io.txlab.inventory.stock.persistence;

import io.txlab.devstack.ThrowawaySchema;
import io.txlab.inventory.stock.domain.Stock;
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
class JdbcStockRepositoryIT {

    private static ThrowawaySchema schema;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static JdbcStockRepository repository;

    @BeforeAll
    static void createSchema() {
        schema = ThrowawaySchema.migratedFor("inventory");
        jdbc = schema.jdbc();
        transactions = schema.transactions();
        repository = new JdbcStockRepository(jdbc);
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void readsSeededStockAndNothingForAnUnknownProduct() {
        assertThat(repository.find(5)).contains(new Stock(5, 10, 0));
        assertThat(repository.find(999_999)).isEmpty();
    }

    @Test
    void deductsAndRecordsTheMovement() {
        repository.deduct("order-a", 1, 3);

        assertThat(repository.find(1)).hasValueSatisfying(stock -> {
            assertThat(stock.available()).isEqualTo(997);
            assertThat(stock.version()).isEqualTo(1);
        });
        assertThat(movements("order-a")).isEqualTo("1:3:DEDUCT");
    }

    @Test
    void takesTheLastUnitsButNeverGoesBelowZero() {
        int all = repository.find(3).orElseThrow().available();
        assertThat(repository.deduct("order-b", 3, all)).isTrue();

        assertThat(repository.deduct("order-c", 3, 1)).as("the conditional write decides").isFalse();
        assertThat(repository.find(3).orElseThrow().available()).isZero();
        assertThat(movements("order-c")).isEmpty();
    }

    @Test
    void aSecondDeductionForTheSameOrderRollsBackWithItsTransaction() {
        repository.deduct("order-d", 2, 1);
        int before = repository.find(2).orElseThrow().available();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> repository.deduct("order-d", 2, 1)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.find(2).orElseThrow().available()).isEqualTo(before);
    }

    private static String movements(String orderId) {
        return String.join(",", jdbc.sql("""
                SELECT CONCAT(product_id, ':', quantity, ':', kind) FROM stock_movement WHERE order_id = :orderId
                """).param("orderId", orderId).query(String.class).list());
    }
}
