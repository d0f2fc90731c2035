package io.txlab.scenarios.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.txlab.devstack.DevStack;
import io.txlab.scenarios.support.Platform;
import io.txlab.scenarios.support.Platform.Service;
import io.txlab.scenarios.support.PlatformExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The checker on real schemas: the platform's own books pass; books broken on purpose fail, naming the ids. */
@ExtendWith(PlatformExtension.class)
class ConsistencyCheckerIT {

    @Test
    void thePlatformsBooksPassEveryInvariant(Platform platform) throws SQLException {
        DevStack stack = platform.stack();
        CheckTarget target = new CheckTarget(stack.mysqlUrl(), stack.mysqlUser(), stack.mysqlPassword(),
                platform.schema(Service.ORDER), platform.schema(Service.INVENTORY), platform.schema(Service.PAYMENT));

        ConsistencyChecker.Report report = new ConsistencyChecker(target, Platform.PENDING_DEADLINE)
                .check(Instant.now(), Duration.ofSeconds(60));

        assertThat(report.results()).allSatisfy(result -> assertThat(result.failed()).as(result.toString()).isFalse());
        assertThat(report.pending()).isZero();
        assertThat(report.consistentAfter()).isPresent();
    }

    @Test
    void booksBrokenOnPurposeFailTheirInvariantsWithTheRightIds(Platform platform) throws SQLException {
        String prefix = "txlab_check_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        DevStack stack = platform.stack();
        Map<String, JdbcClient> db = Map.of("order", migrated(stack, prefix, "order"),
                "inventory", migrated(stack, prefix, "inventory"), "payment", migrated(stack, prefix, "payment"));
        try {
            breakTheBooks(db);
            CheckTarget target = new CheckTarget(stack.mysqlUrl(), stack.mysqlUser(), stack.mysqlPassword(),
                    prefix + "order", prefix + "inventory", prefix + "payment");

            ConsistencyChecker.Report report = new ConsistencyChecker(target, Duration.ofSeconds(90))
                    .check(Instant.now(), Duration.ZERO);

            Map<String, InvariantResult> results = report.results().stream()
                    .collect(Collectors.toMap(InvariantResult::name, Function.identity()));
            assertThat(report.passed()).isFalse();
            assertThat(results.get("confirmed-orders-applied-once").offenders()).singleElement()
                    .asString().startsWith("confirmed-without-charge");
            assertThat(results.get("cancelled-orders-net-zero").offenders()).singleElement()
                    .asString().startsWith("cancelled-not-released");
            assertThat(results.get("stock-books-balance").offenders()).singleElement().asString().startsWith("product 3");
            assertThat(results.get("money-books-balance").offenders()).singleElement().asString().startsWith("user 42");
            assertThat(results.get("no-effect-without-order").offenders()).singleElement().asString().startsWith("ghost");
            assertThat(results.get("no-stale-pending").offenders()).singleElement().asString().startsWith("stuck");
            assertThat(results.get("no-effect-applied-twice").failed()).isFalse();
            // rows written straight into the table, as a dual write that lost its event would: no committed
            // OrderCreated, no consumption; "delivered-by-dual-write" was consumed by inventory, so it was published
            assertThat(results.get("every-order-published").violations()).isEqualTo(3);
            assertThat(results.get("every-order-published").offenders())
                    .noneMatch(offender -> offender.startsWith("delivered-by-dual-write"));
            assertThat(results.get("outbox-drained").offenders()).singleElement().asString()
                    .startsWith("swept-but-never-sent");
        } finally {
            db.values().forEach(client -> client.sql("DROP DATABASE IF EXISTS " + client.sql("SELECT DATABASE()")
                    .query(String.class).single()).update());
        }
    }

    private static JdbcClient migrated(DevStack stack, String prefix, String service) {
        String schema = prefix + service;
        JdbcClient.create(new DriverManagerDataSource(stack.mysqlUrl() + "/", stack.mysqlUser(), stack.mysqlPassword()))
                .sql("CREATE DATABASE " + schema).update();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(stack.mysqlUrl() + "/" + schema,
                stack.mysqlUser(), stack.mysqlPassword());
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/participant",
                        "classpath:db/migration/" + service)
                .load().migrate();
        return JdbcClient.create(dataSource);
    }

    /** Seeded data: product 3 and user 42 start from the seed; each row below breaks one invariant. */
    private static void breakTheBooks(Map<String, JdbcClient> db) {
        Instant old = Instant.now().minus(Duration.ofHours(1));
        order(db.get("order"), "confirmed-without-charge", "CONFIRMED", old);
        order(db.get("order"), "cancelled-not-released", "CANCELLED", old);
        order(db.get("order"), "stuck", "PENDING", old);
        // Deducted for both orders (the stock counter agrees), charged for neither...
        movement(db.get("inventory"), "stock_movement", "product_id", "quantity", "confirmed-without-charge", 3, 1, "DEDUCT");
        movement(db.get("inventory"), "stock_movement", "product_id", "quantity", "cancelled-not-released", 3, 1, "DEDUCT");
        db.get("inventory").sql("UPDATE stock SET available = available - 2 WHERE product_id = 3").update();
        // ...but product 3 also lost a unit no movement explains, and user 42 paid for an order that does not exist
        // while the balance moved twice as much.
        db.get("inventory").sql("UPDATE stock SET available = available - 1 WHERE product_id = 3").update();
        movement(db.get("payment"), "payment_movement", "user_id", "amount_cents", "ghost", 42, 500, "CHARGE");
        db.get("payment").sql("UPDATE account SET balance_cents = balance_cents - 1000 WHERE user_id = 42").update();
        // A dual write whose plain message got through: no tx_log or outbox row, but inventory consumed it.
        order(db.get("order"), "delivered-by-dual-write", "PENDING", Instant.now());
        db.get("inventory").sql("""
                INSERT INTO consumed_message (consumer, dedup_key, order_id)
                VALUES ('inventory', 'OrderCreated:delivered-by-dual-write', 'delivered-by-dual-write')
                """).update();
        // Placed through the outbox (so published), cancelled by the sweeper, and its row never sent by a relay.
        order(db.get("order"), "swept-but-never-sent", "CANCELLED", old);
        db.get("order").sql("""
                INSERT INTO outbox_event (order_id, topic, tag, event_type, payload, created_at)
                VALUES ('swept-but-never-sent', 'txlab-order-events', 'OrderCreated', 'OrderCreated', '{}', :createdAt)
                """).param("createdAt", java.sql.Timestamp.from(old)).update();
    }

    private static void order(JdbcClient db, String orderId, String status, Instant createdAt) {
        db.sql("""
                INSERT INTO orders (order_id, request_id, user_id, product_id, quantity, amount_cents, status, created_at)
                VALUES (:id, :id, 42, 3, 1, 24900, :status, :createdAt)
                """).param("id", orderId).param("status", status).param("createdAt", java.sql.Timestamp.from(createdAt))
                .update();
    }

    private static void movement(JdbcClient db, String table, String subject, String amount, String orderId,
                                 long subjectId, long value, String kind) {
        db.sql("INSERT INTO " + table + " (order_id, " + subject + ", " + amount + ", kind) VALUES (:o, :s, :v, :k)")
                .param("o", orderId).param("s", subjectId).param("v", value).param("k", kind).update();
    }
}
