package io.txlab.order.ordering.outbox;

import io.txlab.support.metrics.TxLabMeters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
class OutboxConfiguration {

    /** The outbox's backlog as a gauge, read when Prometheus scrapes. */
    OutboxConfiguration(TxLabMeters meters, Outbox outbox) {
        meters.outboxUnsent(outbox::countUnsent);
    }
}
