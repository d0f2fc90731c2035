package io.txlab.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** TXLAB_METRICS: on by default, "off" (as the services' yml passes it on) makes every meter a no-op. */
class MetricsConfigurationTest {

    @Test
    void onByDefault() {
        assertThat(meters(new MockEnvironment())).isInstanceOf(MicrometerMeters.class);
    }

    @Test
    void offMakesThemNoOps() {
        assertThat(meters(new MockEnvironment().withProperty("txlab.metrics", "off"))).isSameAs(TxLabMeters.none());
    }

    @Test
    void withoutARegistryTheyAreNoOpsToo() {
        DefaultListableBeanFactory empty = new DefaultListableBeanFactory();
        assertThat(new MetricsConfiguration().txLabMeters(new MockEnvironment(), empty.getBeanProvider(MeterRegistry.class)))
                .isSameAs(TxLabMeters.none());
    }

    private static TxLabMeters meters(MockEnvironment environment) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("registry", new SimpleMeterRegistry());
        return new MetricsConfiguration().txLabMeters(environment, beans.getBeanProvider(MeterRegistry.class));
    }
}
