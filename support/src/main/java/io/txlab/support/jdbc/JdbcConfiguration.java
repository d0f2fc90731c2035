package io.txlab.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Transactions without a {@code SET autocommit} pair (docs/hot-path.md, part 9): they run on
 * {@link TransactionConnections}; every other statement on Boot's auto-committing pool, through
 * {@link StatementRouting}. Boot's own transaction manager and {@code JdbcTemplate} back off for these two; its
 * {@code JdbcClient} and {@code TransactionTemplate} are built on them.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcConfiguration {

    @Bean(destroyMethod = "close")
    TransactionConnections transactionConnections(HikariDataSource dataSource) {
        return TransactionConnections.like(dataSource);
    }

    @Bean
    JdbcTransactionManager transactionManager(TransactionConnections transactionConnections) {
        return new JdbcTransactionManager(transactionConnections.pool());
    }

    @Bean
    JdbcTemplate jdbcTemplate(HikariDataSource dataSource, TransactionConnections transactionConnections) {
        return new JdbcTemplate(new StatementRouting(dataSource, transactionConnections.pool()));
    }
}
