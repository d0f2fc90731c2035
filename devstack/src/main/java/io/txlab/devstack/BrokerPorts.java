package io.txlab.devstack;

/**
 * The ports a RocketMQ 5.3.3 broker binds besides its listen port. BrokerController always starts a
 * second "fast" remoting server on listenPort - 2, and the master's HA service listens on
 * MessageStoreConfig.haListenPort, which BrokerStartup (and this devstack) set to listenPort + 1. The HA
 * socket is bound on all interfaces by DefaultHAService; the broker offers no bind-address setting for it.
 *
 * <p>For the run command (listen port 19911) that means 19909 (fast) and 19912 (HA) as well.
 */
public final class BrokerPorts {

    private BrokerPorts() {
    }

    public static int fast(int listenPort) {
        return listenPort - 2;
    }

    public static int ha(int listenPort) {
        return listenPort + 1;
    }

    /**
     * The broker's Prometheus exporter on the run command's devstack (19913), when metrics are on
     * ({@link RocketMqConfigs#BROKER_METRICS_PROPERTY}); docs/metrics.md.
     */
    public static int metrics(int listenPort) {
        return listenPort + 2;
    }
}
