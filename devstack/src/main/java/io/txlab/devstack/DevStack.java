package io.txlab.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure TxLab needs, on 127.0.0.1: a MySQL-compatible server (embedded MariaDB), Redis, and a
 * RocketMQ name server with one broker (or two masters, {@link DevStackSettings#brokers()}). Each part is
 * embedded unless the environment names an external one ({@value #ENV_MYSQL_URL}, {@value #ENV_REDIS_URL},
 * {@value #ENV_NAMESRV_ADDR}). An external name server is expected to have the topics or to auto-create them.
 * {@link #start} returns only once every embedded part is usable: MariaDB accepts connections, Redis answers,
 * and every topic of the settings has a route to every embedded broker.
 */
public final class DevStack implements AutoCloseable {

    public static final String ENV_MYSQL_URL = "TXLAB_MYSQL_URL";
    public static final String ENV_MYSQL_USER = "TXLAB_MYSQL_USER";
    public static final String ENV_MYSQL_PASSWORD = "TXLAB_MYSQL_PASSWORD";
    public static final String ENV_REDIS_URL = "TXLAB_REDIS_URL";
    public static final String ENV_NAMESRV_ADDR = "TXLAB_NAMESRV_ADDR";

    static final String EMBEDDED_MYSQL_USER = "root";
    static final String EMBEDDED_MYSQL_PASSWORD = "";

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);
    private static final Duration ROCKETMQ_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ROCKETMQ_CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final DevStackSettings settings;
    private final ExternalParts external;
    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedRedis redis;
    private final EmbeddedRocketMq rocketMq;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DevStack(DevStackSettings settings, ExternalParts external, EmbeddedMariaDb mariaDb,
                     EmbeddedRedis redis, EmbeddedRocketMq rocketMq) {
        this.settings = settings;
        this.external = external;
        this.mariaDb = mariaDb;
        this.redis = redis;
        this.rocketMq = rocketMq;
    }

    /**
     * @throws DevStackException with a one-line message naming the part (and port) that failed; parts that
     *     did start are stopped again
     */
    public static DevStack start(DevStackSettings settings, Map<String, String> env) {
        long begin = System.nanoTime();
        ExternalParts external = ExternalParts.from(env);
        RocketMqSystemProperties.apply();
        try {
            requireFreePorts(settings, external);
            createDirectories(settings.baseDir());
            DevStack stack = startParts(settings, external);
            log.info("devstack ready in {} ms", (System.nanoTime() - begin) / 1_000_000);
            return stack;
        } catch (DevStackException e) {
            deleteIfTemporary(settings.baseDir());
            throw e;
        }
    }

    private static DevStack startParts(DevStackSettings settings, ExternalParts external) {
        Path dir = settings.baseDir();
        try (PartStarter starter = new PartStarter()) {
            // RocketMQ first: it is the slowest to become ready and needs the CPU most.
            Future<EmbeddedRocketMq> rocketMq = starter.submit(!external.rocketMq(),
                    settings.brokers() == 1 ? "RocketMQ name server + broker" : "RocketMQ name server + 2 brokers",
                    () -> EmbeddedRocketMq.start(settings.namesrvPort(), settings.brokerPort(), settings.brokerBPort(),
                            dir.resolve("rocketmq"), settings.topics(), ROCKETMQ_READY_TIMEOUT));
            Future<EmbeddedMariaDb> mariaDb = starter.submit(!external.mysql(), "MariaDB",
                    () -> EmbeddedMariaDb.start(settings.mysqlPort(), dir.resolve("mariadb")));
            Future<EmbeddedRedis> redis = starter.submit(!external.redis(), "Redis",
                    () -> EmbeddedRedis.start(settings.redisPort(), dir.resolve("redis")));
            starter.awaitAll();
            return new DevStack(settings, external, PartStarter.resultOrNull(mariaDb),
                    PartStarter.resultOrNull(redis), PartStarter.resultOrNull(rocketMq));
        }
    }

    /** Server URL without a schema, e.g. {@code jdbc:mysql://127.0.0.1:13306}. */
    public String mysqlUrl() {
        return external.mysql() ? external.mysqlUrl() : "jdbc:mysql://" + Ports.LOOPBACK + ":" + settings.mysqlPort();
    }

    public String mysqlUser() {
        return external.mysql() ? external.mysqlUser() : EMBEDDED_MYSQL_USER;
    }

    public String mysqlPassword() {
        return external.mysql() ? external.mysqlPassword() : EMBEDDED_MYSQL_PASSWORD;
    }

    public String redisUrl() {
        return external.redis() ? external.redisUrl() : "redis://" + Ports.LOOPBACK + ":" + settings.redisPort();
    }

    public String namesrvAddr() {
        return external.rocketMq() ? external.namesrvAddr() : rocketMq.namesrvAddr();
    }

    /** 1 or 2 embedded broker masters, as the settings asked (an external name server's are not counted). */
    public int brokers() {
        return settings.brokers();
    }

    /** The variables child processes read to find this stack, in a stable order. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ENV_MYSQL_URL, mysqlUrl());
        env.put(ENV_MYSQL_USER, mysqlUser());
        env.put(ENV_MYSQL_PASSWORD, mysqlPassword());
        env.put(ENV_REDIS_URL, redisUrl());
        env.put(ENV_NAMESRV_ADDR, namesrvAddr());
        return Collections.unmodifiableMap(env);
    }

    /** One line per part: embedded or external, and where it is. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add(external.mysql()
                ? "MySQL    external " + mysqlUrl() + " (user " + mysqlUser() + ", from " + ENV_MYSQL_URL + ")"
                : "MySQL    embedded MariaDB 11.4 at " + mysqlUrl() + " (any user accepted: grant tables skipped; data in "
                        + settings.baseDir().resolve("mariadb") + ")");
        lines.add(external.redis()
                ? "Redis    external " + redisUrl() + " (from " + ENV_REDIS_URL + ")"
                : "Redis    embedded Redis 6.2 at " + redisUrl() + " (no persistence, maxmemory 64mb)");
        lines.add(external.rocketMq()
                ? "RocketMQ external name server " + namesrvAddr() + " (from " + ENV_NAMESRV_ADDR
                        + "; topics are not pre-created by the devstack)"
                : "RocketMQ embedded 5.3.3 name server " + namesrvAddr() + ", broker " + RocketMqConfigs.BROKER_NAME
                        + " at " + Ports.LOOPBACK + ":" + settings.brokerPort() + " (also fast port "
                        + BrokerPorts.fast(settings.brokerPort()) + ", HA port " + BrokerPorts.ha(settings.brokerPort())
                        + ")" + describeBrokerB() + ", cluster " + RocketMqConfigs.CLUSTER + ", topics "
                        + settings.topics() + (settings.brokers() == 2 ? " on both brokers" : ""));
        return String.join(System.lineSeparator(), lines);
    }

    private String describeBrokerB() {
        int port = settings.brokerBPort();
        return settings.brokers() == 1 ? "" : " and broker " + RocketMqConfigs.BROKER_B_NAME + " (broker-b) at "
                + Ports.LOOPBACK + ":" + port + " (also fast port " + BrokerPorts.fast(port) + ", HA port "
                + BrokerPorts.ha(port) + ")";
    }

    /**
     * Takes an embedded part away, as an outage would, or brings it back: {@code broker} (the default broker,
     * broker-a; the name server stays), {@code broker-b} (the two-broker mode's second broker), {@code database}
     * (MariaDB) or {@code redis}. The broker's and the database's data survive, as
     * they would on a real server's disk; Redis keeps nothing, like a Redis without persistence.
     *
     * @return what happened, in one line
     * @throws DevStackException if the part is unknown or external (an external server is the user's to restart)
     */
    public String control(String part, boolean start) {
        String verb = start ? "started" : "stopped";
        switch (part) {
            case "broker" -> {
                requireEmbedded("broker", rocketMq, ENV_NAMESRV_ADDR);
                boolean changed = start ? rocketMq.startBrokerAgain() : rocketMq.stopBroker();
                return changed ? "broker " + verb : "broker was already " + verb;
            }
            case "broker-b" -> {
                requireEmbedded("broker", rocketMq, ENV_NAMESRV_ADDR);
                if (!rocketMq.hasBroker(RocketMqConfigs.BROKER_B_NAME)) {
                    throw new DevStackException("there is no broker-b: this devstack runs one broker (TXLAB_BROKERS=2 "
                            + "starts two)");
                }
                boolean changed = start ? rocketMq.startBrokerAgain(RocketMqConfigs.BROKER_B_NAME)
                        : rocketMq.stopBroker(RocketMqConfigs.BROKER_B_NAME);
                return changed ? "broker-b " + verb : "broker-b was already " + verb;
            }
            case "database" -> {
                requireEmbedded("database", mariaDb, ENV_MYSQL_URL);
                boolean changed = start ? mariaDb.startAgain() : mariaDb.stop();
                return changed ? "database " + verb : "database was already " + verb;
            }
            case "redis" -> {
                requireEmbedded("redis", redis, ENV_REDIS_URL);
                boolean changed = start ? redis.startAgain() : redis.stop();
                return changed ? "redis " + verb + (start ? " (empty: it keeps nothing)" : "")
                        : "redis was already " + verb;
            }
            default -> throw new DevStackException("unknown part " + part + ": broker, broker-b, database or redis");
        }
    }

    private static void requireEmbedded(String part, Object embedded, String variable) {
        if (embedded == null) {
            throw new DevStackException("the " + part + " is external (" + variable + "): stop and start it yourself");
        }
    }

    /** Stops what this stack started: broker, name server, Redis, MariaDB. Never throws; repeated calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Closing.bounded("RocketMQ", rocketMq, ROCKETMQ_CLOSE_TIMEOUT);
        Closing.bounded("Redis", redis, Closing.DEFAULT_TIMEOUT);
        Closing.bounded("MariaDB", mariaDb, Closing.DEFAULT_TIMEOUT);
        deleteIfTemporary(settings.baseDir());
    }

    /** Only directories that {@link DevStackSettings#forTests()} created carry the marker. */
    private static void deleteIfTemporary(Path dir) {
        if (Files.exists(dir.resolve(DevStackSettings.TEMPORARY_MARKER))) {
            Closing.deleteTree(dir);
        }
    }

    private static void requireFreePorts(DevStackSettings settings, ExternalParts external) {
        if (!external.mysql()) {
            Ports.requireFree("MariaDB", settings.mysqlPort(), false);
        }
        if (!external.redis()) {
            Ports.requireFree("Redis", settings.redisPort(), false);
        }
        if (!external.rocketMq()) {
            int broker = settings.brokerPort();
            Ports.requireFree("RocketMQ name server", settings.namesrvPort(), false);
            Ports.requireFree("RocketMQ broker", broker, false);
            Ports.requireFree("RocketMQ broker fast (broker port - 2)", BrokerPorts.fast(broker), false);
            Ports.requireFree("RocketMQ broker HA (broker port + 1)", BrokerPorts.ha(broker), true);
            if (settings.brokers() == 2) {
                int brokerB = settings.brokerBPort();
                Ports.requireFree("RocketMQ broker-b", brokerB, false);
                Ports.requireFree("RocketMQ broker-b fast (its port - 2)", BrokerPorts.fast(brokerB), false);
                Ports.requireFree("RocketMQ broker-b HA (its port + 1)", BrokerPorts.ha(brokerB), true);
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DevStackException("cannot create the devstack directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
