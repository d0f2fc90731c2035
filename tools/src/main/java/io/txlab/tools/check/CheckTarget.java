package io.txlab.tools.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the three schemas are: the same {@code TXLAB_*} settings the services read, with the same defaults
 * (the devstack run command's MariaDB on 13306).
 */
public record CheckTarget(String mysqlUrl, String user, String password, String orderSchema, String inventorySchema,
                          String paymentSchema) {

    public static CheckTarget fromEnvironment(Map<String, String> env) {
        return new CheckTarget(env.getOrDefault("TXLAB_MYSQL_URL", "jdbc:mysql://127.0.0.1:13306"),
                env.getOrDefault("TXLAB_MYSQL_USER", "root"), env.getOrDefault("TXLAB_MYSQL_PASSWORD", ""),
                env.getOrDefault("TXLAB_ORDER_SCHEMA", "txlab_order"),
                env.getOrDefault("TXLAB_INVENTORY_SCHEMA", "txlab_inventory"),
                env.getOrDefault("TXLAB_PAYMENT_SCHEMA", "txlab_payment"));
    }

    /** A read-only connection: the checker and the dead-letter tool never write. */
    public Connection connect(String schema) throws SQLException {
        Connection connection = DriverManager.getConnection(
                mysqlUrl + "/" + schema + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000", user, password);
        connection.setReadOnly(true);
        return connection;
    }

    @Override
    public String toString() {
        return mysqlUrl + " (order " + orderSchema + ", inventory " + inventorySchema + ", payment " + paymentSchema + ")";
    }
}
