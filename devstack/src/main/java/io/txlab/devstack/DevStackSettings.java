package io.txlab.devstack;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.apache.rocketmq.common.MixAll;

/**
 * Where the embedded parts listen and keep their files. All ports are on 127.0.0.1. The broker also binds
 * {@link BrokerPorts#fast(int) brokerPort - 2} and {@link BrokerPorts#ha(int) brokerPort + 1}.
 *
 * @param topics topics pre-created on the embedded broker (4 read and 4 write queues each; a consumer group's
 *               retry topic, {@code %RETRY%<group>}, 1 queue like the broker's own); on both brokers in the
 *               two-broker mode
 * @param brokerBPort listen port of broker-b, the second broker master of the two-broker mode (it binds its
 *                    fast and HA ports as well), or {@value #NO_BROKER_B} for the default single broker
 */
public record DevStackSettings(int mysqlPort, int redisPort, int namesrvPort, int brokerPort, Path baseDir,
                               List<String> topics, int brokerBPort) {

    /** Marks a base directory that {@link #forTests()} created; {@link DevStack#close()} deletes such a directory. */
    static final String TEMPORARY_MARKER = ".txlab-devstack-temporary";
    public static final int NO_BROKER_B = 0;
    /** The run command's broker-b: 19921 (plus 19919 fast and 19922 HA), ten above the default broker's ports. */
    static final int RUN_COMMAND_BROKER_B_PORT = 19921;

    public DevStackSettings {
        Objects.requireNonNull(baseDir, "baseDir");
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        baseDir = baseDir.toAbsolutePath().normalize();
        List<Integer> ports = new ArrayList<>(List.of(mysqlPort, redisPort, namesrvPort));
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
        ports.addAll(brokerPortsOf(brokerPort));
        if (brokerBPort != NO_BROKER_B) {
            ports.addAll(brokerPortsOf(brokerBPort));
        }
        if (Set.copyOf(ports).size() != ports.size()) {
            throw new IllegalArgumentException("ports collide (a broker also uses its port-2 and port+1)");
        }
    }

    /** The single-broker stack, as before the two-broker mode existed. */
    public DevStackSettings(int mysqlPort, int redisPort, int namesrvPort, int brokerPort, Path baseDir,
                            List<String> topics) {
        this(mysqlPort, redisPort, namesrvPort, brokerPort, baseDir, topics, NO_BROKER_B);
    }

    /** 1 (the default) or 2 broker masters. */
    public int brokers() {
        return brokerBPort == NO_BROKER_B ? 1 : 2;
    }

    /** A broker's listen, fast and HA ports, each checked to be a port. */
    private static List<Integer> brokerPortsOf(int listenPort) {
        if (listenPort < 1 || listenPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + listenPort);
        }
        if (BrokerPorts.fast(listenPort) < 1 || BrokerPorts.ha(listenPort) > 65535) {
            throw new IllegalArgumentException("broker port leaves no room for its fast and HA ports: " + listenPort);
        }
        return List.of(listenPort, BrokerPorts.fast(listenPort), BrokerPorts.ha(listenPort));
    }

    /**
     * The services' topics and the retry topic of each consumer group. The broker would create a retry topic
     * itself at the group's first heartbeat, but a consumer that found no route for it at start-up only
     * learns it at its next route poll (every 30 s): the first redelivery of a fresh stack came 13 s late.
     */
    static final List<String> PRE_CREATED_TOPICS = Stream.concat(Topics.ALL.stream(),
            // the constant, not MixAll.getRetryTopic: initializing MixAll starts RocketMQ's logging before
            // RocketMqSystemProperties could point it away from ~/logs/rocketmqlogs
            ConsumerGroups.ALL.stream().map(group -> MixAll.RETRY_GROUP_TOPIC_PREFIX + group)).toList();

    /**
     * Fixed ports for the run command, chosen not to collide with a MySQL/MariaDB on 3306 or a Redis on 6379:
     * MySQL 13306, Redis 16379, name server 19876, broker 19911 (plus 19909 fast and 19912 HA).
     * Data persists in {@code baseDir} across runs.
     */
    public static DevStackSettings forRunCommand(Path baseDir) {
        return forRunCommand(baseDir, 1);
    }

    /** As {@link #forRunCommand(Path)}; with 2 {@code brokers}, broker-b on 19921 (19919 fast, 19922 HA) too. */
    public static DevStackSettings forRunCommand(Path baseDir, int brokers) {
        return new DevStackSettings(13306, 16379, 19876, 19911, baseDir, PRE_CREATED_TOPICS,
                brokerBPortFor(brokers, () -> RUN_COMMAND_BROKER_B_PORT));
    }

    /** Free ports (re-checked when the stack starts) and a fresh temporary directory, deleted on close. */
    public static DevStackSettings forTests() {
        return forTests(1);
    }

    /** As {@link #forTests()}, with 1 or 2 broker masters. */
    public static DevStackSettings forTests(int brokers) {
        Set<Integer> taken = Ports.newTakenSet();
        int brokerPort = Ports.pickFreeBrokerPort(taken);
        int brokerBPort = brokerBPortFor(brokers, () -> Ports.pickFreeBrokerPort(taken));
        int mysqlPort = Ports.pickFree(taken);
        int redisPort = Ports.pickFree(taken);
        int namesrvPort = Ports.pickFree(taken);
        try {
            Path dir = Files.createTempDirectory("txlab-devstack-");
            Files.createFile(dir.resolve(TEMPORARY_MARKER));
            return new DevStackSettings(mysqlPort, redisPort, namesrvPort, brokerPort, dir, PRE_CREATED_TOPICS,
                    brokerBPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary devstack directory", e);
        }
    }

    private static int brokerBPortFor(int brokers, IntSupplier port) {
        return switch (brokers) {
            case 1 -> NO_BROKER_B;
            case 2 -> port.getAsInt();
            default -> throw new IllegalArgumentException("1 or 2 brokers, not " + brokers);
        };
    }
}
