package io.txlab.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.txlab.devstack.ThrowawaySchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two pools of {@link JdbcConfiguration} on a real MariaDB (this machine's on 3306, else an embedded one:
 * {@link ThrowawaySchema}): transactions send no {@code SET autocommit}, a write outside a transaction commits
 * at once, a rolled-back transaction leaves nothing. (In support's package; inventory supplies the schema.)
 */
class JdbcConfigurationIT {

    private static ThrowawaySchema schema;

    private HikariDataSource bootPool;
    private TransactionConnections transactionConnections;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    @BeforeAll
    static void createSchema() {
        schema = ThrowawaySchema.migratedFor("inventory");
        schema.jdbc().sql("CREATE TABLE note (id INT PRIMARY KEY)").update();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    /** As Boot builds it: one connection each, so that successive transactions meet the same session. */
    @BeforeEach
    void buildPools() {
        bootPool = new HikariDataSource();
        bootPool.setJdbcUrl(schema.jdbcUrl());
        bootPool.setUsername("root");
        bootPool.setPassword("");
        bootPool.setMaximumPoolSize(1);
        bootPool.setPoolName("boot");
        JdbcConfiguration configuration = new JdbcConfiguration();
        transactionConnections = configuration.transactionConnections(bootPool);
        jdbc = JdbcClient.create(configuration.jdbcTemplate(bootPool, transactionConnections));
        transactions = new TransactionTemplate(configuration.transactionManager(transactionConnections));
        schema.jdbc().sql("DELETE FROM note").update();
    }

    @AfterEach
    void closePools() {
        transactionConnections.close();
        bootPool.close();
    }

    @Test
    void transactionsSendNoSetAutocommitWhereSpringsDefaultSendsTwo() {
        assertThat(setStatementsBetweenTwoTransactions(transactions, 1)).isZero();

        TransactionTemplate onBootsPool = new TransactionTemplate(new DataSourceTransactionManager(bootPool));
        JdbcClient onBootsPoolJdbc = JdbcClient.create(bootPool);
        assertThat(setStatementsBetweenTwoTransactions(onBootsPool, onBootsPoolJdbc, 3))
                .as("control: the same two transactions on an auto-committing pool, turned off and on again")
                .isEqualTo(2);
        assertThat(committedNotes()).isEqualTo(4);
    }

    @Test
    void aWriteOutsideATransactionCommitsAtOnce() {
        jdbc.sql("INSERT INTO note (id) VALUES (1)").update();

        assertThat(committedNotes()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT CONNECTION_ID()").query(Long.class).single())
                .as("outside a transaction: the session of Boot's pool")
                .isEqualTo(JdbcClient.create(bootPool).sql("SELECT CONNECTION_ID()").query(Long.class).single());
    }

    @Test
    void aRolledBackTransactionLeavesNothingAndTheNextOneCommits() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO note (id) VALUES (1)").update();
            throw new IllegalStateException("the business rule said no");
        })).hasMessage("the business rule said no");
        assertThat(committedNotes()).isZero();

        transactions.executeWithoutResult(status -> jdbc.sql("INSERT INTO note (id) VALUES (2)").update());
        assertThat(committedNotes()).isEqualTo(1);
    }

    private long setStatementsBetweenTwoTransactions(TransactionTemplate template, int firstId) {
        return setStatementsBetweenTwoTransactions(template, jdbc, firstId);
    }

    /** Com_set_option of the one session, read inside two successive transactions that each insert a note. */
    private static long setStatementsBetweenTwoTransactions(TransactionTemplate template, JdbcClient client,
                                                            int firstId) {
        long before = template.execute(status -> insertAndCountSets(client, firstId));
        long after = template.execute(status -> insertAndCountSets(client, firstId + 1));
        return after - before;
    }

    private static long insertAndCountSets(JdbcClient client, int id) {
        client.sql("INSERT INTO note (id) VALUES (?)").param(id).update();
        return Long.parseLong(client.sql("SHOW SESSION STATUS LIKE 'Com_set_option'")
                .query((rs, row) -> rs.getString(2)).single());
    }

    private static long committedNotes() {
        return schema.jdbc().sql("SELECT COUNT(*) FROM note").query(Long.class).single();
    }
}
