package io.txlab.devstack;

import java.nio.file.Path;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.metrics.MetricsExporterType;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/** Configuration of the embedded name server and broker: loopback only, small store, fast check-back and retries. */
final class RocketMqConfigs {

    static final String CLUSTER = "TxLabCluster";
    /** The default broker, and broker-a of the two-broker mode ({@link DevStackSettings#brokers()} 2). */
    static final String BROKER_NAME = "txlab-broker";
    /** The second master of the two-broker mode: same cluster and name server, its own ports and store. */
    static final String BROKER_B_NAME = "txlab-broker-b";
    /**
     * "true": the broker exports its own metrics for Prometheus on {@link BrokerPorts#metrics(int)}, 127.0.0.1.
     * DevStackMain sets it from TXLAB_METRICS (default on); the tests' devstacks leave it off (their ports are
     * picked at random, and nothing scrapes them).
     */
    static final String BROKER_METRICS_PROPERTY = "txlab.devstack.broker-metrics";

    private RocketMqConfigs() {
    }

    static NamesrvConfig namesrv(Path dir) {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(dir.toString());
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        config.setConfigStorePath(dir.resolve("namesrv.properties").toString());
        // five clients and one broker: the defaults (16 and 8 threads) are sized for a fleet
        config.setDefaultThreadPoolNums(4);
        config.setClientRequestThreadPoolNums(2);
        return config;
    }

    static NettyServerConfig server(int port) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress(Ports.LOOPBACK);
        config.setListenPort(port);
        return config;
    }

    static BrokerConfig broker(Path dir, int listenPort, String namesrvAddr) {
        return broker(BROKER_NAME, dir, listenPort, namesrvAddr);
    }

    static BrokerConfig broker(String brokerName, Path dir, int listenPort, String namesrvAddr) {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(dir.toString());
        config.setBrokerClusterName(CLUSTER);
        config.setBrokerName(brokerName);
        config.setBrokerId(MixAll.MASTER_ID);
        // Otherwise the broker advertises the machine's external address to clients.
        config.setBrokerIP1(Ports.LOOPBACK);
        config.setBrokerIP2(Ports.LOOPBACK);
        config.setListenPort(listenPort);
        config.setNamesrvAddr(namesrvAddr);
        config.setFetchNamesrvAddrByAddressServer(false);
        // A fallback only: the topics the services use are pre-created (auto-created ones route ~20 s late).
        config.setAutoCreateTopicEnable(true);
        config.setAutoCreateSubscriptionGroup(true);
        // POP consumption is unused here; each of the default 8 revive threads costs ~1 s of broker shutdown.
        config.setReviveQueueNum(1);
        config.setTransactionCheckInterval(BrokerTransactionSettings.TRANSACTION_CHECK_INTERVAL_MS);
        config.setTransactionTimeOut(BrokerTransactionSettings.TRANSACTION_TIMEOUT_MS);
        config.setTransactionCheckMax(BrokerTransactionSettings.TRANSACTION_CHECK_MAX);
        config.setTransactionOpBatchInterval(BrokerTransactionSettings.TRANSACTION_OP_BATCH_INTERVAL_MS);
        sizePoolsForFewClients(config);
        // RocketMQ 5.3 keeps a broker's meters in static fields (BrokerMetricsManager), one set per JVM: only
        // the first broker exports them, broker-b of the two-broker mode does not.
        if (Boolean.getBoolean(BROKER_METRICS_PROPERTY) && BROKER_NAME.equals(brokerName)) {
            // OpenTelemetry metrics served by a Prometheus HTTP server; the host defaults to brokerIP1 (loopback)
            config.setMetricsExporterType(MetricsExporterType.PROM);
            config.setMetricsPromExporterPort(BrokerPorts.metrics(listenPort));
        }
        return config;
    }

    /**
     * The broker's request pools for a handful of clients on a small machine (docker/broker.conf carries
     * the same). Defaults on 2 cores: pull 20, consumer-manage, client-manage and load-balance 32 each,
     * admin 16, query 10, reply and lite-pull 20, end-transaction 12. Send and put-future stay as they are.
     */
    private static void sizePoolsForFewClients(BrokerConfig config) {
        config.setPullMessageThreadPoolNums(4);
        config.setConsumerManageThreadPoolNums(4);
        config.setClientManageThreadPoolNums(4);
        config.setLoadBalanceProcessorThreadPoolNums(2);
        config.setAdminBrokerThreadPoolNums(4);
        config.setQueryMessageThreadPoolNums(2);
        config.setProcessReplyMessageThreadPoolNums(1);
        config.setLitePullMessageThreadPoolNums(1);
        config.setEndTransactionThreadPoolNums(4);
    }

    static MessageStoreConfig store(Path dir, int listenPort) {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        config.setHaListenPort(BrokerPorts.ha(listenPort));
        config.setMappedFileSizeCommitLog(32 * 1024 * 1024);
        config.setMappedFileSizeConsumeQueue(600_000);
        config.setMappedFileSizeTimerLog(4 * 1024 * 1024);
        config.setMaxIndexNum(10_000);
        config.setMaxHashSlotNum(2_500);
        config.setMessageDelayLevel(ConsumerRetrySettings.MESSAGE_DELAY_LEVEL);
        // The 5.x timer store serves messages with an arbitrary delivery time, which TxLab never sends
        // (retries use the delay levels above); its wheel's background flush was half the broker's CPU samples.
        config.setTimerWheelEnable(false);
        return config;
    }
}
