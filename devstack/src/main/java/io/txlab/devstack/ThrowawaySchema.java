package io.txlab.devstack;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test fixture: a schema of a test's own, migrated exactly like the service's, dropped on close. It lives on
 * this JVM's test server ({@link TestMySql}): the machine's MySQL/MariaDB on 127.0.0.1:3306 when root can use
 * it without a password, otherwise an embedded MariaDB; {@code TXLAB_TEST_MYSQL=embedded|local} forces one.
 * When neither can be had, {@link #migratedFor} throws: the test fails, it is never skipped.
 *
 * <p>Its users bring Flyway's MySQL support and the MySQL driver (every service has both).
 */
public final class ThrowawaySchema implements AutoCloseable {

    private final JdbcClient admin;
    private final String name;
    private final String url;
    private final DataSource dataSource;

    private ThrowawaySchema(JdbcClient admin, String name, String url, DataSource dataSource) {
        this.admin = admin;
        this.name = name;
        this.url = url;
        this.dataSource = dataSource;
    }

    /**
     * @param service the service whose migrations to run from the classpath: db/migration/common,
     *                db/migration/participant (inventory and payment only) and db/migration/{service}
     */
    public static ThrowawaySchema migratedFor(String service) {
        String server = TestMySql.url();
        String name = "txlab_it_" + service + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcClient admin = JdbcClient.create(dataSource(server, ""));
        admin.sql("CREATE DATABASE " + name).update();
        String url = url(server, name);
        DataSource dataSource = new DriverManagerDataSource(url, TestMySql.USER, TestMySql.PASSWORD);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/participant",
                        "classpath:db/migration/" + service)
                .load().migrate();
        return new ThrowawaySchema(admin, name, url, dataSource);
    }

    /** The schema's JDBC URL, for a test that builds its own pool; user root, empty password. */
    public String jdbcUrl() {
        return url;
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

    private static DriverManagerDataSource dataSource(String server, String schema) {
        return new DriverManagerDataSource(url(server, schema), TestMySql.USER, TestMySql.PASSWORD);
    }

    private static String url(String server, String schema) {
        return server + "/" + schema + "?useSSL=false&allowPublicKeyRetrieval=true";
    }
}
