package io.txlab.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MySQL-compatible server the persistence tests of this JVM use, chosen once: this machine's on
 * 127.0.0.1:3306 when it is usable as root without a password, otherwise an embedded MariaDB on a free
 * port, started on first use and stopped when the JVM exits. {@value #MODE_VARIABLE} (or the system
 * property {@value #MODE_PROPERTY}) forces a choice: {@code embedded} or {@code local}; {@code auto} is the
 * default. A server that cannot be had fails the test with the reason, it never skips it.
 */
final class TestMySql {

    static final String MODE_VARIABLE = "TXLAB_TEST_MYSQL";
    static final String MODE_PROPERTY = "txlab.test.mysql";
    static final String LOCAL_URL = "jdbc:mysql://" + Ports.LOOPBACK + ":3306";

    private static final Logger log = LoggerFactory.getLogger(TestMySql.class);
    static final String USER = "root";
    static final String PASSWORD = "";

    enum Mode { AUTO, LOCAL, EMBEDDED }

    private static String url;
    private static DevStackException failure;

    private TestMySql() {
    }

    /** Server URL without a schema; user root, empty password. */
    static synchronized String url() {
        if (failure != null) {
            throw new DevStackException("no MySQL/MariaDB for this test JVM (chosen earlier): " + failure.getMessage(),
                    failure);
        }
        if (url == null) {
            try {
                url = choose(mode(System::getenv, System::getProperty));
            } catch (DevStackException e) {
                failure = e;
                throw e;
            }
        }
        return url;
    }

    /** The system property wins over the environment variable; unset or blank means {@link Mode#AUTO}. */
    static Mode mode(Function<String, String> env, Function<String, String> properties) {
        String value = properties.apply(MODE_PROPERTY);
        if (value == null || value.isBlank()) {
            value = env.apply(MODE_VARIABLE);
        }
        if (value == null || value.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DevStackException(MODE_VARIABLE + "/" + MODE_PROPERTY + "=" + value
                    + " is none of auto, local, embedded");
        }
    }

    private static String choose(Mode mode) {
        String why = MODE_VARIABLE + "=embedded";
        if (mode != Mode.EMBEDDED) {
            String unusable = unusable(LOCAL_URL);
            if (unusable == null) {
                log.info("persistence tests use {} (root, no password)", LOCAL_URL);
                return LOCAL_URL;
            }
            why = LOCAL_URL + " is not usable as root without a password (" + unusable + ")";
            if (mode == Mode.LOCAL) {
                throw new DevStackException("no MySQL/MariaDB for the persistence tests: " + MODE_VARIABLE
                        + "=local, but " + why);
            }
            log.info("{}: starting an embedded MariaDB", why);
        }
        try {
            return startEmbedded();
        } catch (DevStackException e) {
            throw new DevStackException("no MySQL/MariaDB for the persistence tests: " + why
                    + ", and the embedded MariaDB failed: " + e.getMessage(), e);
        }
    }

    /** Why the server cannot be used as root without a password, or null if it can. */
    private static String unusable(String serverUrl) {
        try (Connection ignored = DriverManager.getConnection(
                serverUrl + "/?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=2000", USER, PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String startEmbedded() {
        int port = Ports.pickFree(Ports.newTakenSet());
        Path dir = temporaryDirectory();
        try {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(port, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                Closing.deleteTree(dir);
            }, "txlab-test-mariadb-shutdown"));
        } catch (DevStackException e) {
            Closing.deleteTree(dir);
            throw e;
        }
        String embedded = "jdbc:mysql://" + Ports.LOOPBACK + ":" + port;
        log.info("persistence tests use an embedded MariaDB at {} (data in {})", embedded, dir);
        return embedded;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("txlab-it-mariadb-");
        } catch (IOException e) {
            throw new DevStackException("cannot create a directory for the embedded MariaDB: " + e.getMessage(), e);
        }
    }
}
