package io.txlab.tools.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The order service's schema: the same TXLAB_* settings and defaults the services and the checker use. */
public record OrderDatabase(String mysqlUrl, String user, String password, String schema) {

    public static OrderDatabase fromEnvironment(Map<String, String> env) {
        return new OrderDatabase(env.getOrDefault("TXLAB_MYSQL_URL", "jdbc:mysql://127.0.0.1:13306"),
                env.getOrDefault("TXLAB_MYSQL_USER", "root"), env.getOrDefault("TXLAB_MYSQL_PASSWORD", ""),
                env.getOrDefault("TXLAB_ORDER_SCHEMA", "txlab_order"));
    }

    /** Read-only: the benchmark never writes to the platform's data. */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(mysqlUrl + "/" + schema
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000", user, password);
        connection.setReadOnly(true);
        return connection;
    }

    @Override
    public String toString() {
        return mysqlUrl + "/" + schema;
    }
}
