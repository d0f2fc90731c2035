package io.txlab.inventory.stock.persistence;

import java.util.List;

import io.txlab.devstack.ThrowawaySchema;
import io.txlab.inventory.stock.domain.Stock;
import io.txlab.inventory.stock.domain.StockDeduction;
import io.txlab.inventory.stock.domain.StockMovement;
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
    void deductsAndRecordsTheMovementInTheSameTransaction() {
        transactions.executeWithoutResult(status -> {
            assertThat(repository.deduct(1, 3)).isTrue();
            repository.recordDeductions(List.of(new StockDeduction("order-a", 1, null, 3)));
        });

        assertThat(repository.find(1)).hasValueSatisfying(stock -> {
            assertThat(stock.available()).isEqualTo(997);
            assertThat(stock.version()).isEqualTo(1);
        });
        assertThat(movements("order-a")).isEqualTo("1:3:DEDUCT");
    }

    @Test
    void takesTheLastUnitsButNeverGoesBelowZero() {
        int all = repository.find(3).orElseThrow().available();
        assertThat(repository.deduct(3, all)).isTrue();

        assertThat(repository.deduct(3, 1)).as("the conditional write decides").isFalse();
        assertThat(repository.find(3).orElseThrow().available()).isZero();
    }

    @Test
    void aSecondDeductionForTheSameOrderRollsBackWithItsTransaction() {
        repository.recordDeductions(List.of(new StockDeduction("order-d", 2, null, 1)));
        int before = repository.find(2).orElseThrow().available();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            repository.deduct(2, 1);
            repository.recordDeductions(List.of(new StockDeduction("order-d", 2, null, 1)));
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.find(2).orElseThrow().available()).isEqualTo(before);
        assertThat(movements("order-d")).isEqualTo("2:1:DEDUCT");
    }

    @Test
    void recordsTheMovementsOfABatchsOrdersInOneCallEachWithItsSaleOrNone() {
        repository.allocate("sale-it", 4, 2);
        transactions.executeWithoutResult(status -> {
            assertThat(repository.deduct(4, 5)).isTrue();
            assertThat(repository.deductFromSale("sale-it", 4, 1)).isTrue();
            repository.recordDeductions(List.of(new StockDeduction("order-e", 4, null, 5),
                    new StockDeduction("order-f", 4, "sale-it", 1)));
        });

        assertThat(repository.movementsOf("order-e")).extracting(StockMovement::productId, StockMovement::quantity,
                StockMovement::kind).containsExactly(tuple(4L, 5, StockMovement.Kind.DEDUCT));
        assertThat(repository.movementsOf("order-f")).extracting(StockMovement::productId, StockMovement::quantity,
                StockMovement::kind).containsExactly(tuple(4L, 1, StockMovement.Kind.DEDUCT));
        assertThat(saleOf("order-e")).isEqualTo("none");
        assertThat(saleOf("order-f")).isEqualTo("sale-it");

        repository.release("order-f");
        assertThat(repository.findAllocation("sale-it").orElseThrow().available())
                .as("the recorded sale sends the release back to the sale").isEqualTo(2);
    }

    @Test
    void anEmptyListOfDeductionsWritesNothing() {
        int before = movementCount();

        repository.recordDeductions(List.of());

        assertThat(movementCount()).isEqualTo(before);
    }

    private static String saleOf(String orderId) {
        return jdbc.sql("""
                SELECT COALESCE(sale_id, 'none') FROM stock_movement WHERE order_id = :orderId AND kind = 'DEDUCT'
                """).param("orderId", orderId).query(String.class).single();
    }

    private static int movementCount() {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement").query(Integer.class).single();
    }

    private static String movements(String orderId) {
        return String.join(",", jdbc.sql("""
                SELECT CONCAT(product_id, ':', quantity, ':', kind) FROM stock_movement WHERE order_id = :orderId
                """).param("orderId", orderId).query(String.class).list());
    }
}
