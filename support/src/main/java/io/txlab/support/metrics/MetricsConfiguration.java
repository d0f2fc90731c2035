package io.txlab.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The domain meters: on unless {@code txlab.metrics} ({@code TXLAB_METRICS}) is off, and then no-ops, so the
 * benchmark can compare CPU per order with and without them. The Prometheus export follows the same switch
 * (each service's yml).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    TxLabMeters txLabMeters(Environment environment, ObjectProvider<MeterRegistry> registry) {
        boolean on = environment.getProperty("txlab.metrics", Boolean.class, true);
        MeterRegistry meterRegistry = registry.getIfAvailable();
        return on && meterRegistry != null ? new MicrometerMeters(meterRegistry) : TxLabMeters.none();
    }
}
