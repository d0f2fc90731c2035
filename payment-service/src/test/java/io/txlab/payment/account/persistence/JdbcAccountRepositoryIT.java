package io.txlab.payment.account.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import io.txlab.common.consume.ConcurrentChangeException;
import io.txlab.payment.account.domain.Account;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Against this machine's MariaDB (127.0.0.1:3306, root), in a throwaway schema; skipped when it is not there. */
class JdbcAccountRepositoryIT {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 3306;
    private static final String SCHEMA = "txlab_it_payment_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static JdbcClient admin;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static JdbcAccountRepository repository;

    @BeforeAll
    static void createSchema() {
        assumeTrue(portOpen(), "no MariaDB/MySQL on " + HOST + ":" + PORT);
        admin = JdbcClient.create(dataSource(""));
        admin.sql("CREATE DATABASE " + SCHEMA).update();
        DriverManagerDataSource dataSource = dataSource(SCHEMA);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/payment")
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        repository = new JdbcAccountRepository(jdbc);
    }

    @AfterAll
    static void dropSchema() {
        if (admin != null) {
            admin.sql("DROP DATABASE IF EXISTS " + SCHEMA).update();
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
        repository.charge("order-b", 92, 500);

        assertThatThrownBy(() -> repository.charge("order-c", 92, 1)).isInstanceOf(ConcurrentChangeException.class);
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

    private static DriverManagerDataSource dataSource(String schema) {
        return new DriverManagerDataSource("jdbc:mysql://" + HOST + ":" + PORT + "/" + schema
                + "?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
    }

    private static boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
