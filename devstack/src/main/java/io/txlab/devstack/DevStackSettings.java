package io.txlab.devstack;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.rocketmq.common.MixAll;

/**
 * Where the embedded parts listen and keep their files. All ports are on 127.0.0.1. The broker also binds
 * {@link BrokerPorts#fast(int) brokerPort - 2} and {@link BrokerPorts#ha(int) brokerPort + 1}.
 *
 * @param topics topics pre-created on the embedded broker (4 read and 4 write queues each; a consumer group's
 *               retry topic, {@code %RETRY%<group>}, 1 queue like the broker's own)
 */
public record DevStackSettings(int mysqlPort, int redisPort, int namesrvPort, int brokerPort, Path baseDir,
                               List<String> topics) {

    /** Marks a base directory that {@link #forTests()} created; {@link DevStack#close()} deletes such a directory. */
    static final String TEMPORARY_MARKER = ".txlab-devstack-temporary";

    public DevStackSettings {
        Objects.requireNonNull(baseDir, "baseDir");
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        baseDir = baseDir.toAbsolutePath().normalize();
        for (int port : new int[] {mysqlPort, redisPort, namesrvPort, brokerPort}) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
        if (BrokerPorts.fast(brokerPort) < 1 || BrokerPorts.ha(brokerPort) > 65535) {
            throw new IllegalArgumentException("brokerPort leaves no room for its fast and HA ports: " + brokerPort);
        }
        if (Set.of(mysqlPort, redisPort, namesrvPort, brokerPort, BrokerPorts.fast(brokerPort),
                BrokerPorts.ha(brokerPort)).size() != 6) {
            throw new IllegalArgumentException("ports collide (the broker also uses brokerPort-2 and brokerPort+1)");
        }
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
        return new DevStackSettings(13306, 16379, 19876, 19911, baseDir, PRE_CREATED_TOPICS);
    }

    /** Free ports (re-checked when the stack starts) and a fresh temporary directory, deleted on close. */
    public static DevStackSettings forTests() {
        Set<Integer> taken = Ports.newTakenSet();
        int brokerPort = Ports.pickFreeBrokerPort(taken);
        int mysqlPort = Ports.pickFree(taken);
        int redisPort = Ports.pickFree(taken);
        int namesrvPort = Ports.pickFree(taken);
        try {
            Path dir = Files.createTempDirectory("txlab-devstack-");
            Files.createFile(dir.resolve(TEMPORARY_MARKER));
            return new DevStackSettings(mysqlPort, redisPort, namesrvPort, brokerPort, dir, PRE_CREATED_TOPICS);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary devstack directory", e);
        }
    }
}
