package io.txlab.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.BrokerPathConfigHelper;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RocketMQ 5.3.3 name server and one master broker in this JVM. Ready means: every requested topic has
 * a route on the name server, so a producer's first send neither fails nor waits for auto-creation.
 */
final class EmbeddedRocketMq implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRocketMq.class);
    private static final int QUEUES_PER_TOPIC = 4;

    private final NamesrvController namesrv;
    private final String namesrvAddr;
    private final int brokerPort;
    private final Path brokerDir;
    private final List<String> topics;
    private final Duration readyTimeout;
    /** Null while the broker is stopped on purpose (a broker-restart scenario). */
    private BrokerController broker;

    private EmbeddedRocketMq(NamesrvController namesrv, BrokerController broker, String namesrvAddr, int brokerPort,
                             Path brokerDir, List<String> topics, Duration readyTimeout) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.namesrvAddr = namesrvAddr;
        this.brokerPort = brokerPort;
        this.brokerDir = brokerDir;
        this.topics = topics;
        this.readyTimeout = readyTimeout;
    }

    /** Caller must have applied {@link RocketMqSystemProperties} before any RocketMQ class was loaded. */
    static EmbeddedRocketMq start(int namesrvPort, int brokerPort, Path dir, List<String> topics,
                                  Duration readyTimeout) {
        String namesrvAddr = Ports.LOOPBACK + ":" + namesrvPort;
        NamesrvController namesrv = startNamesrv(namesrvPort, dir.resolve("namesrv"));
        BrokerController broker = null;
        try {
            broker = startBroker(brokerPort, dir.resolve("broker"), namesrvAddr, topics);
            awaitRoutes(namesrv, broker, topics, readyTimeout);
            return new EmbeddedRocketMq(namesrv, broker, namesrvAddr, brokerPort, dir.resolve("broker"), topics,
                    readyTimeout);
        } catch (RuntimeException e) {
            if (broker != null) {
                shutdownQuietly("broker", broker::shutdown);
            }
            shutdownQuietly("name server", namesrv::shutdown);
            throw e;
        }
    }

    String namesrvAddr() {
        return namesrvAddr;
    }

    /**
     * Shuts the broker down as an outage would take it away; the name server stays. Its store (half
     * messages, the op queue, consumer offsets) stays on disk for {@link #startBrokerAgain}.
     *
     * @return false if it was already stopped
     */
    synchronized boolean stopBroker() {
        if (broker == null) {
            return false;
        }
        shutdownQuietly("broker", broker::shutdown);
        broker = null;
        return true;
    }

    /** Starts a new broker on the same port and store; returns once every topic has a route again. */
    synchronized boolean startBrokerAgain() {
        if (broker != null) {
            return false;
        }
        broker = startBroker(brokerPort, brokerDir, namesrvAddr, topics);
        awaitRoutes(namesrv, broker, topics, readyTimeout);
        return true;
    }

    private static NamesrvController startNamesrv(int port, Path dir) {
        NamesrvController controller = new NamesrvController(RocketMqConfigs.namesrv(dir),
                RocketMqConfigs.server(port), new NettyClientConfig());
        try {
            if (!controller.initialize()) {
                throw new DevStackException("RocketMQ name server on port " + port + ": initialization failed");
            }
            controller.start();
            return controller;
        } catch (DevStackException e) {
            throw e;
        } catch (Exception e) {
            shutdownQuietly("name server", controller::shutdown);
            throw new DevStackException("RocketMQ name server on port " + port + " failed to start: " + e, e);
        }
    }

    private static BrokerController startBroker(int port, Path dir, String namesrvAddr, List<String> topics) {
        // Static and otherwise ~/store/config/broker.properties; written only when the config is updated remotely.
        BrokerPathConfigHelper.setBrokerConfigPath(dir.resolve("broker.properties").toString());
        BrokerController controller = new BrokerController(RocketMqConfigs.broker(dir, port, namesrvAddr),
                RocketMqConfigs.server(port), new NettyClientConfig(), RocketMqConfigs.store(dir.resolve("store"), port));
        try {
            if (!controller.initialize()) {
                throw new DevStackException("RocketMQ broker on port " + port + ": initialization failed (store in "
                        + dir + ")");
            }
            for (String topic : topics) {
                int queues = topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) ? 1 : QUEUES_PER_TOPIC;
                controller.getTopicConfigManager().updateTopicConfig(new TopicConfig(topic, queues, queues,
                        PermName.PERM_READ | PermName.PERM_WRITE));
            }
            controller.start();
            return controller;
        } catch (DevStackException e) {
            shutdownQuietly("broker", controller::shutdown);
            throw e;
        } catch (Exception e) {
            shutdownQuietly("broker", controller::shutdown);
            throw new DevStackException("RocketMQ broker on port " + port + " failed to start: " + e, e);
        }
    }

    /**
     * broker.start() registers only with name servers its client already marked reachable, which is racy
     * right after both started: wait for that, register explicitly, then wait for the routes.
     */
    private static void awaitRoutes(NamesrvController namesrv, BrokerController broker, List<String> topics,
                                    Duration timeout) {
        long started = System.nanoTime();
        Waits.until("the broker sees the name server as reachable", timeout,
                () -> !broker.getBrokerOuterAPI().getRemotingClient().getAvailableNameSrvList().isEmpty());
        broker.registerBrokerAll(true, false, true);
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        Waits.until("the name server has routes for " + topics, left.isNegative() ? Duration.ZERO : left,
                () -> topics.stream().allMatch(topic -> hasRoute(namesrv, topic)));
    }

    private static boolean hasRoute(NamesrvController namesrv, String topic) {
        TopicRouteData route = namesrv.getRouteInfoManager().pickupTopicRouteData(topic);
        return route != null && !route.getBrokerDatas().isEmpty() && !route.getQueueDatas().isEmpty();
    }

    /** Broker first (it unregisters from the name server), then the name server. The broker takes ~15 s. */
    @Override
    public void close() {
        stopBroker();
        shutdownQuietly("name server", namesrv::shutdown);
    }

    private static void shutdownQuietly(String what, Runnable shutdown) {
        long begin = System.nanoTime();
        try {
            shutdown.run();
            log.debug("RocketMQ {} shut down in {} ms", what, (System.nanoTime() - begin) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("RocketMQ {} did not shut down cleanly: {}", what, e.toString());
            log.debug("RocketMQ {} shutdown failure", what, e);
        }
    }
}
