package io.txlab.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A RocketMQ 5.3.3 name server and one master broker in this JVM, or two (broker-a and broker-b, same cluster,
 * each with its own ports and store). Ready means: every requested topic has a route to every broker on the
 * name server, so a producer's first send neither fails nor waits for auto-creation.
 */
final class EmbeddedRocketMq implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRocketMq.class);
    private static final int QUEUES_PER_TOPIC = 4;

    private final NamesrvController namesrv;
    private final String namesrvAddr;
    private final List<String> topics;
    private final Duration readyTimeout;
    /** By broker name: the default broker (broker-a), then broker-b if there is one. */
    private final Map<String, Broker> brokers;

    /** A broker's place; its controller is null while it is stopped on purpose (a broker-restart scenario). */
    private static final class Broker {
        private final String name;
        private final int port;
        private final Path dir;
        private BrokerController controller;

        private Broker(String name, int port, Path dir) {
            this.name = name;
            this.port = port;
            this.dir = dir;
        }
    }

    private EmbeddedRocketMq(NamesrvController namesrv, String namesrvAddr, List<Broker> brokers,
                             List<String> topics, Duration readyTimeout) {
        this.namesrv = namesrv;
        this.namesrvAddr = namesrvAddr;
        this.topics = topics;
        this.readyTimeout = readyTimeout;
        this.brokers = new LinkedHashMap<>();
        brokers.forEach(broker -> this.brokers.put(broker.name, broker));
    }

    /** The single default broker, as before the two-broker mode. */
    static EmbeddedRocketMq start(int namesrvPort, int brokerPort, Path dir, List<String> topics,
                                  Duration readyTimeout) {
        return start(namesrvPort, brokerPort, DevStackSettings.NO_BROKER_B, dir, topics, readyTimeout);
    }

    /**
     * Caller must have applied {@link RocketMqSystemProperties} before any RocketMQ class was loaded. The default
     * broker keeps its store in {@code dir/broker}, broker-b (unless {@code brokerBPort} is
     * {@link DevStackSettings#NO_BROKER_B}) in {@code dir/broker-b}; they start one after the other.
     */
    static EmbeddedRocketMq start(int namesrvPort, int brokerPort, int brokerBPort, Path dir, List<String> topics,
                                  Duration readyTimeout) {
        String namesrvAddr = Ports.LOOPBACK + ":" + namesrvPort;
        List<Broker> brokers = new ArrayList<>(List.of(new Broker(RocketMqConfigs.BROKER_NAME, brokerPort,
                dir.resolve("broker"))));
        if (brokerBPort != DevStackSettings.NO_BROKER_B) {
            brokers.add(new Broker(RocketMqConfigs.BROKER_B_NAME, brokerBPort, dir.resolve("broker-b")));
        }
        NamesrvController namesrv = startNamesrv(namesrvPort, dir.resolve("namesrv"));
        EmbeddedRocketMq rocketMq = new EmbeddedRocketMq(namesrv, namesrvAddr, brokers, topics, readyTimeout);
        try {
            for (Broker broker : brokers) {
                rocketMq.startBroker(broker);
            }
            return rocketMq;
        } catch (RuntimeException e) {
            rocketMq.close();
            throw e;
        }
    }

    String namesrvAddr() {
        return namesrvAddr;
    }

    /**
     * Shuts the default broker (broker-a) down as an outage would take it away; the name server stays. Its store
     * (half messages, the op queue, consumer offsets) stays on disk for {@link #startBrokerAgain}.
     *
     * @return false if it was already stopped
     */
    boolean stopBroker() {
        return stopBroker(RocketMqConfigs.BROKER_NAME);
    }

    /** As {@link #stopBroker()}, for the broker of that name. */
    synchronized boolean stopBroker(String brokerName) {
        Broker broker = broker(brokerName);
        if (broker.controller == null) {
            return false;
        }
        shutdownQuietly(broker.name, broker.controller::shutdown);
        broker.controller = null;
        return true;
    }

    /** Starts a new default broker on the same port and store; returns once every topic has a route again. */
    boolean startBrokerAgain() {
        return startBrokerAgain(RocketMqConfigs.BROKER_NAME);
    }

    /** As {@link #startBrokerAgain()}, for the broker of that name. */
    synchronized boolean startBrokerAgain(String brokerName) {
        Broker broker = broker(brokerName);
        if (broker.controller != null) {
            return false;
        }
        startBroker(broker);
        return true;
    }

    /** Whether a broker of that name belongs to this stack (broker-b only in the two-broker mode). */
    boolean hasBroker(String brokerName) {
        return brokers.containsKey(brokerName);
    }

    private Broker broker(String brokerName) {
        Broker broker = brokers.get(brokerName);
        if (broker == null) {
            throw new DevStackException("no broker " + brokerName + " in this devstack (brokers: " + brokers.keySet() + ")");
        }
        return broker;
    }

    private void startBroker(Broker broker) {
        broker.controller = startBroker(broker.name, broker.port, broker.dir, namesrvAddr, topics);
        awaitRoutes(namesrv, broker.controller, broker.name, topics, readyTimeout);
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

    private static BrokerController startBroker(String name, int port, Path dir, String namesrvAddr,
                                                List<String> topics) {
        // Static and otherwise ~/store/config/broker.properties; written only when the config is updated remotely.
        // The constructor reads it: each broker gets its own, as long as brokers are constructed one at a time.
        BrokerPathConfigHelper.setBrokerConfigPath(dir.resolve("broker.properties").toString());
        BrokerController controller = new BrokerController(RocketMqConfigs.broker(name, dir, port, namesrvAddr),
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
    private static void awaitRoutes(NamesrvController namesrv, BrokerController broker, String brokerName,
                                    List<String> topics, Duration timeout) {
        long started = System.nanoTime();
        Waits.until("the broker sees the name server as reachable", timeout,
                () -> !broker.getBrokerOuterAPI().getRemotingClient().getAvailableNameSrvList().isEmpty());
        broker.registerBrokerAll(true, false, true);
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        Waits.until("the name server has routes to " + brokerName + " for " + topics,
                left.isNegative() ? Duration.ZERO : left,
                () -> topics.stream().allMatch(topic -> hasRoute(namesrv, topic, brokerName)));
    }

    private static boolean hasRoute(NamesrvController namesrv, String topic, String brokerName) {
        TopicRouteData route = namesrv.getRouteInfoManager().pickupTopicRouteData(topic);
        return route != null
                && route.getBrokerDatas().stream().anyMatch(broker -> brokerName.equals(broker.getBrokerName()))
                && route.getQueueDatas().stream().anyMatch(queues -> brokerName.equals(queues.getBrokerName()));
    }

    /** Brokers first (each unregisters from the name server), then the name server. A broker takes ~15 s. */
    @Override
    public void close() {
        // In parallel, outside the lock: each broker's shutdown is mostly waiting for its own threads.
        List<Thread> stopping = new ArrayList<>();
        synchronized (this) {
            for (Broker broker : brokers.values()) {
                BrokerController controller = broker.controller;
                broker.controller = null;
                if (controller != null) {
                    stopping.add(new Thread(() -> shutdownQuietly(broker.name, controller::shutdown),
                            "txlab-devstack-stop-" + broker.name));
                }
            }
        }
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
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
