package io.txlab.support.consume;

import io.txlab.support.lock.ContentionLocks;
import io.txlab.support.metrics.TxLabMeters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class ConsumptionConfiguration {

    @Bean
    Consumption consumption(ContentionLocks locks, JdbcClient jdbc, TransactionTemplate transactions,
                            TxLabMeters meters) {
        return new Consumption(locks::acquire, new JdbcConsumedMessages(jdbc), transactions, meters);
    }
}
