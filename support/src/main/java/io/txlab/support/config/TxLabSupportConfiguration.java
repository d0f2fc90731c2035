package io.txlab.support.config;

import java.time.Clock;
import java.time.Duration;

import io.txlab.support.admin.AdminConfiguration;
import io.txlab.support.apidocs.ApiDocsConfiguration;
import io.txlab.support.audit.AuditConfiguration;
import io.txlab.support.consume.ConsumptionConfiguration;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.jdbc.JdbcConfiguration;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.lock.ContentionLocks;
import io.txlab.support.messaging.MessagingConfiguration;
import io.txlab.support.metrics.MetricsConfiguration;
import io.txlab.support.trace.TraceConfiguration;
import io.txlab.support.tx.TransactionalMessagingConfiguration;
import io.txlab.support.web.WebInputConfiguration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.ConstantDelay;
import org.redisson.config.Config;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every TxLab service imports: codec, fault points, Redis, JDBC, transactional messaging, idempotent
 * consumption, how requests are taken and refused, and what the API document says of all of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TxLabProperties.class)
@Import({TransactionalMessagingConfiguration.class, ConsumptionConfiguration.class,
        MessagingConfiguration.class, AuditConfiguration.class,
        AdminConfiguration.class, JdbcConfiguration.class, WebInputConfiguration.class,
        ApiDocsConfiguration.class, MetricsConfiguration.class, TraceConfiguration.class})
public class TxLabSupportConfiguration {

    /**
     * A failed Redis command is retried after 0.5 s, the low end of Redisson's default (0.5 to 1 s, jittered).
     * Redisson ticks its timer at a pace taken from the first retry delay: the default's random value gave each
     * JVM a tick of 10 to 49 ms (up to 100 wake-ups a second, idle or not), a whole 0.5 s gives 100 ms.
     */
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    /** The one time source of a service: use cases and records read it, and unit tests pass a fixed one. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JsonCodec jsonCodec() {
        return new JsonCodec();
    }

    @Bean
    FaultPoints faultPoints(TxLabProperties properties) {
        return new FaultPoints(properties.service(), properties.faults().enabled());
    }

    /**
     * Waits up to 10 s for a busy lock: longer than any handling holds it, short of a consumer timeout.
     * A lock lives 30 s at most, longer than a handling's slowest path (a 3 s broker send, a 5 s pool wait).
     */
    @Bean
    ContentionLocks contentionLocks(RedissonClient redisson) {
        return new ContentionLocks(redisson, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(TxLabProperties properties) {
        Config config = new Config();
        // 2 cores: more threads only queue for them (docs/hot-path.md)
        config.setThreads(2);
        config.setNettyThreads(2);
        config.useSingleServer()
                .setAddress(properties.redis().url())
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16)
                .setTimeout(3000)
                .setRetryDelay(new ConstantDelay(RETRY_DELAY));
        return Redisson.create(config);
    }
}
