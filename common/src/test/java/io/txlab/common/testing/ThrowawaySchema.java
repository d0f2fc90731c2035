package io.txlab.common.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A schema of a test's own on this machine's MySQL/MariaDB (127.0.0.1:3306, root), migrated exactly like
 * the service's, dropped on close. The test is skipped when no server listens there, or when it is
 * not usable as root without a password.
 */
public final class ThrowawaySchema implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 3306;

    private final JdbcClient admin;
    private final String name;
    private final DataSource dataSource;

    private ThrowawaySchema(JdbcClient admin, String name, DataSource dataSource) {
        this.admin = admin;
        this.name = name;
        this.dataSource = dataSource;
    }

    /**
     * @param service a participant (inventory or payment), whose migrations to run: db/migration/common,
     *                db/migration/participant and db/migration/{service}
     */
    public static ThrowawaySchema migratedFor(String service) {
        assumeTrue(portOpen(), "no MySQL/MariaDB on " + HOST + ":" + PORT);
        String name = "txlab_it_" + service + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcClient admin = JdbcClient.create(dataSource(""));
        try {
            admin.sql("CREATE DATABASE " + name).update();
        } catch (DataAccessException e) {
            // A developer's own server, with a root password: not ours to use. The scenarios cover this code.
            assumeTrue(false, "cannot create a schema on " + HOST + ":" + PORT + " as root: " + e.getMostSpecificCause());
        }
        DataSource dataSource = dataSource(name);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/participant",
                        "classpath:db/migration/" + service)
                .load().migrate();
        return new ThrowawaySchema(admin, name, dataSource);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        admin.sql("DROP DATABASE IF EXISTS " + name).update();
    }

    private static DriverManagerDataSource dataSource(String schema) {
        return new DriverManagerDataSource("jdbc:mysql://" + HOST + ":" + PORT + "/" + schema
                + "?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
    }

    private static boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
