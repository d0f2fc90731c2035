package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Properties;

import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.metrics.MetricsExporterType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/broker.conf, the compose stack's broker, must time check-backs and redeliveries exactly like the
 * embedded broker: the devstack's constants are the one source of truth, this test the guard.
 */
class BrokerConfTest {

    private static final Path BROKER_CONF = Path.of("..", "docker", "broker.conf");
    private static Properties conf;

    @BeforeAll
    static void read() throws IOException {
        conf = new Properties();
        try (Reader reader = Files.newBufferedReader(BROKER_CONF, StandardCharsets.UTF_8)) {
            conf.load(reader);
        }
    }

    @Test
    void checkBackTimingIsTheDevstacks() {
        assertThat(conf.getProperty("transactionTimeOut"))
                .isEqualTo(Long.toString(BrokerTransactionSettings.TRANSACTION_TIMEOUT_MS));
        assertThat(conf.getProperty("transactionCheckInterval"))
                .isEqualTo(Long.toString(BrokerTransactionSettings.TRANSACTION_CHECK_INTERVAL_MS));
        assertThat(conf.getProperty("transactionCheckMax"))
                .isEqualTo(Integer.toString(BrokerTransactionSettings.TRANSACTION_CHECK_MAX));
        assertThat(conf.getProperty("transactionOpBatchInterval"))
                .isEqualTo(Integer.toString(BrokerTransactionSettings.TRANSACTION_OP_BATCH_INTERVAL_MS));
    }

    @Test
    void redeliveryDelaysAreTheDevstacks() {
        assertThat(conf.getProperty("messageDelayLevel")).isEqualTo(ConsumerRetrySettings.MESSAGE_DELAY_LEVEL);
    }

    @Test
    void theUnusedTimerStoreIsOffAsOnTheDevstack() {
        boolean devstack = RocketMqConfigs.store(Path.of("store"), 10911).isTimerWheelEnable();
        assertThat(conf.getProperty("timerWheelEnable")).isEqualTo(Boolean.toString(devstack)).isEqualTo("false");
    }

    /** Every request pool broker.conf sizes is sized the same on the devstack, and the other way round. */
    @Test
    void requestPoolsAreSizedLikeTheDevstacks() throws ReflectiveOperationException {
        BrokerConfig devstack = RocketMqConfigs.broker(Path.of("store"), 10911, "127.0.0.1:9876");
        List<String> pools = conf.stringPropertyNames().stream().filter(name -> name.endsWith("ThreadPoolNums"))
                .sorted().toList();

        assertThat(pools).hasSize(9);
        for (String pool : pools) {
            Method getter = BrokerConfig.class.getMethod("get" + Character.toUpperCase(pool.charAt(0)) + pool.substring(1));
            assertThat(conf.getProperty(pool)).as(pool).isEqualTo(String.valueOf(getter.invoke(devstack)));
        }
        assertThat(devstack.getPullMessageThreadPoolNums()).isEqualTo(4);
    }

    /** Both brokers export their own metrics for Prometheus; the devstack's only while TXLAB_METRICS is on. */
    @Test
    void theBrokerExportsItsMetricsForPrometheus() {
        assertThat(conf.getProperty("metricsExporterType")).isEqualTo(MetricsExporterType.PROM.name());
        assertThat(conf.getProperty("metricsPromExporterPort")).isEqualTo("5557");

        assertThat(RocketMqConfigs.broker(Path.of("store"), 19911, "127.0.0.1:9876").getMetricsExporterType())
                .as("off unless asked").isEqualTo(MetricsExporterType.DISABLE);
        System.setProperty(RocketMqConfigs.BROKER_METRICS_PROPERTY, "true");
        try {
            BrokerConfig devstack = RocketMqConfigs.broker(Path.of("store"), 19911, "127.0.0.1:9876");
            assertThat(devstack.getMetricsExporterType()).isEqualTo(MetricsExporterType.PROM);
            assertThat(devstack.getMetricsPromExporterPort()).isEqualTo(19913);
        } finally {
            System.clearProperty(RocketMqConfigs.BROKER_METRICS_PROPERTY);
        }
    }

    @Test
    void clusterAndBrokerAreNamedLikeTheDevstacks() {
        assertThat(conf.getProperty("brokerClusterName")).isEqualTo(RocketMqConfigs.CLUSTER);
        assertThat(conf.getProperty("brokerName")).isEqualTo(RocketMqConfigs.BROKER_NAME);
        assertThat(conf.getProperty("brokerId")).isEqualTo("0");
    }

    @Test
    void theBrokerAdvertisesItsComposeServiceName() {
        assertThat(conf.getProperty("brokerIP1")).isEqualTo("broker");
        assertThat(conf.getProperty("namesrvAddr")).isEqualTo("namesrv:9876");
    }
}
