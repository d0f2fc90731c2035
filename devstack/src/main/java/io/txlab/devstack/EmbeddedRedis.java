package io.txlab.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** A Redis 6.2 server (embedded-redis 1.4.4) on 127.0.0.1: no persistence, 64 MB max memory. */
final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis start(int port, Path dir) {
        try {
            Files.createDirectories(dir);
            RedisServer server = RedisServer.newRedisServer()
                    .bind(Ports.LOOPBACK)
                    .port(port)
                    .setting("dir \"" + dir + "\"")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 64mb")
                    .soutListener(line -> log.debug("redis: {}", line))
                    .serrListener(line -> log.debug("redis: {}", line))
                    .build();
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException | RuntimeException e) {
            throw new DevStackException("Redis on port " + port + " failed to start: " + e.getMessage(), e);
        }
    }

    /** Stops the server: everything it held is gone, as after a crash of a Redis without persistence. */
    synchronized boolean stop() {
        return Restarts.stop(port, this::close);
    }

    /** Starts it again on the same port, empty. */
    synchronized boolean startAgain() {
        return Restarts.startAgain("Redis", port, server::start);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            log.warn("Redis on port {} did not stop cleanly: {}", port, e.toString());
        }
    }
}
