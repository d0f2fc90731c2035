package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.metrics.MetricsExporterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker/broker.conf (broker-a, the compose stack's default broker) and docker/broker-b.conf (the second master
 * of the "cluster" profile) must time check-backs and redeliveries exactly like the embedded broker: the
 * devstack's constants are the one source of truth, this test the guard. Each test runs for both files.
 */
class BrokerConfTest {

    private static final Path DOCKER = Path.of("..", "docker");
    /** What broker-b.conf may set differently from broker.conf. */
    private static final Set<String> BROKER_B_OWN = Set.of("brokerName", "brokerIP1", "listenPort");

    /** A compose broker's conf file, the devstack's name for it and its compose service. */
    record Broker(String file, String brokerName, String service) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Broker> brokers() {
        return Stream.of(new Broker("broker.conf", RocketMqConfigs.BROKER_NAME, "broker"),
                new Broker("broker-b.conf", RocketMqConfigs.BROKER_B_NAME, "broker-b"));
    }

    private static Properties read(String file) {
        Properties conf = new Properties();
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve(file), StandardCharsets.UTF_8)) {
            conf.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conf;
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void checkBackTimingIsTheDevstacks(Broker broker) {
        Properties conf = read(broker.file());
        assertThat(conf.getProperty("transactionTimeOut"))
                .isEqualTo(Long.toString(BrokerTransactionSettings.TRANSACTION_TIMEOUT_MS));
        assertThat(conf.getProperty("transactionCheckInterval"))
                .isEqualTo(Long.toString(BrokerTransactionSettings.TRANSACTION_CHECK_INTERVAL_MS));
        assertThat(conf.getProperty("transactionCheckMax"))
                .isEqualTo(Integer.toString(BrokerTransactionSettings.TRANSACTION_CHECK_MAX));
        assertThat(conf.getProperty("transactionOpBatchInterval"))
                .isEqualTo(Integer.toString(BrokerTransactionSettings.TRANSACTION_OP_BATCH_INTERVAL_MS));
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void redeliveryDelaysAreTheDevstacks(Broker broker) {
        Properties conf = read(broker.file());
        assertThat(conf.getProperty("messageDelayLevel")).isEqualTo(ConsumerRetrySettings.MESSAGE_DELAY_LEVEL);
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void theUnusedTimerStoreIsOffAsOnTheDevstack(Broker broker) {
        Properties conf = read(broker.file());
        boolean devstack = RocketMqConfigs.store(Path.of("store"), 10911).isTimerWheelEnable();
        assertThat(conf.getProperty("timerWheelEnable")).isEqualTo(Boolean.toString(devstack)).isEqualTo("false");
    }

    /** Every request pool broker.conf sizes is sized the same on the devstack, and the other way round. */
    @ParameterizedTest
    @MethodSource("brokers")
    void requestPoolsAreSizedLikeTheDevstacks(Broker broker) throws ReflectiveOperationException {
        Properties conf = read(broker.file());
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
    @ParameterizedTest
    @MethodSource("brokers")
    void theBrokerExportsItsMetricsForPrometheus(Broker broker) {
        Properties conf = read(broker.file());
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

    /** Both are masters of the one cluster, named like the devstack's broker-a and broker-b. */
    @ParameterizedTest
    @MethodSource("brokers")
    void clusterAndBrokerAreNamedLikeTheDevstacks(Broker broker) {
        Properties conf = read(broker.file());
        assertThat(conf.getProperty("brokerClusterName")).isEqualTo(RocketMqConfigs.CLUSTER);
        assertThat(conf.getProperty("brokerName")).isEqualTo(broker.brokerName());
        assertThat(conf.getProperty("brokerId")).isEqualTo("0");
        assertThat(conf.getProperty("brokerRole")).isEqualTo("ASYNC_MASTER");
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void theBrokerAdvertisesItsComposeServiceNameAndUsesTheOneNameServer(Broker broker) {
        Properties conf = read(broker.file());
        assertThat(conf.getProperty("brokerIP1")).isEqualTo(broker.service());
        assertThat(conf.getProperty("namesrvAddr")).isEqualTo("namesrv:9876");
    }

    /** Durability, timing and pools stay one set of settings: broker-b differs in name, address and port only. */
    @Test
    void brokerBDiffersFromBrokerAOnlyInNameAddressAndPort() {
        Properties a = read("broker.conf");
        Properties b = read("broker-b.conf");
        Set<String> keys = new TreeSet<>(a.stringPropertyNames());
        keys.addAll(b.stringPropertyNames());
        keys.removeAll(BROKER_B_OWN);
        for (String key : keys) {
            assertThat(b.getProperty(key)).as(key).isEqualTo(a.getProperty(key));
        }
        assertThat(a.getProperty("listenPort")).as("broker-a listens on RocketMQ's default 10911").isNull();
        assertThat(b.getProperty("listenPort")).isEqualTo("10921");
    }
}
