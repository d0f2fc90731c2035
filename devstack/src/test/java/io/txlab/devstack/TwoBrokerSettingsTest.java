package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.metrics.MetricsExporterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-broker mode's settings; one broker stays the default, on the ports it always had. */
class TwoBrokerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void oneBrokerIsTheDefaultOnTheRunCommandsPorts() {
        DevStackSettings settings = DevStackSettings.forRunCommand(dir);

        assertThat(settings.brokers()).isEqualTo(1);
        assertThat(settings.brokerPort()).isEqualTo(19911);
        assertThat(settings.brokerBPort()).isEqualTo(DevStackSettings.NO_BROKER_B);
        assertThat(DevStackMain.brokers(Map.of())).isEqualTo(1);
        assertThat(DevStackMain.brokers(Map.of(DevStackMain.ENV_BROKERS, "1"))).isEqualTo(1);
    }

    @Test
    void brokerBOfTheRunCommandListensTenPortsAboveTheDefaultBroker() {
        DevStackSettings settings = DevStackSettings.forRunCommand(dir, DevStackMain.brokers(
                Map.of(DevStackMain.ENV_BROKERS, "2")));

        assertThat(settings.brokers()).isEqualTo(2);
        assertThat(settings.brokerPort()).isEqualTo(19911);
        assertThat(List.of(settings.brokerBPort(), BrokerPorts.fast(settings.brokerBPort()),
                BrokerPorts.ha(settings.brokerBPort()))).containsExactly(19921, 19919, 19922);
    }

    @Test
    void onlyOneOrTwoBrokers() {
        assertThatThrownBy(() -> DevStackMain.brokers(Map.of(DevStackMain.ENV_BROKERS, "3")))
                .isInstanceOf(DevStackException.class).hasMessageContaining("TXLAB_BROKERS is 3");
        assertThatThrownBy(() -> DevStackSettings.forRunCommand(dir, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokerBMustNotShareAPortWithTheDefaultBroker() {
        // 19912 is broker-b's fast port (19914 - 2) and broker-a's HA port
        assertThatThrownBy(() -> new DevStackSettings(13306, 16379, 19876, 19911, dir, List.of(), 19914))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collide");
    }

    @Test
    void testStacksPickSixDistinctFreeBrokerPorts() {
        DevStackSettings settings = DevStackSettings.forTests(2);
        try {
            assertThat(settings.brokers()).isEqualTo(2);
            assertThat(settings.brokerBPort()).isNotEqualTo(settings.brokerPort());
        } finally {
            Closing.deleteTree(settings.baseDir());
        }
    }

    /** The same settings, apart from the name; broker-b exports no metrics (the broker's meters are per JVM). */
    @Test
    void brokerBIsConfiguredLikeTheDefaultBrokerButForItsNameAndMetrics() {
        System.setProperty(RocketMqConfigs.BROKER_METRICS_PROPERTY, "true");
        try {
            var a = RocketMqConfigs.broker(RocketMqConfigs.BROKER_NAME, dir, 19911, "127.0.0.1:19876");
            var b = RocketMqConfigs.broker(RocketMqConfigs.BROKER_B_NAME, dir, 19921, "127.0.0.1:19876");
            assertThat(b.getBrokerName()).isEqualTo("txlab-broker-b");
            assertThat(b.getBrokerClusterName()).isEqualTo(a.getBrokerClusterName());
            assertThat(b.getTransactionCheckInterval()).isEqualTo(a.getTransactionCheckInterval());
            assertThat(b.getEndTransactionThreadPoolNums()).isEqualTo(a.getEndTransactionThreadPoolNums());
            assertThat(a.getMetricsExporterType()).isEqualTo(MetricsExporterType.PROM);
            assertThat(b.getMetricsExporterType()).isEqualTo(MetricsExporterType.DISABLE);
        } finally {
            System.clearProperty(RocketMqConfigs.BROKER_METRICS_PROPERTY);
        }
    }
}
