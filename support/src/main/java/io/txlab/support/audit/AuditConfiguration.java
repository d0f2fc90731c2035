package io.txlab.support.audit;

import io.txlab.support.config.TxLabProperties;
import io.txlab.support.tx.TransactionAudit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The review side every service shares: its per-order records and its check-backs. */
@Configuration(proxyBeanMethods = false)
@Import(TransactionsController.class)
public class AuditConfiguration {

    @Bean
    OrderRecords orderRecords(JdbcClient jdbc, TransactionAudit audit, TxLabProperties properties) {
        return new OrderRecords(jdbc, audit, properties.service());
    }
}
