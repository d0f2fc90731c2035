package io.txlab.common.consume;

import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class IdempotentConsumerConfiguration {

    @Bean
    IdempotentConsumer idempotentConsumer(RedissonClient redisson, JdbcClient jdbc, TransactionTemplate transactions) {
        return new IdempotentConsumer(redisson, new ConsumedMessages(jdbc), transactions);
    }
}
