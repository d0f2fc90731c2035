package io.txlab.e2e.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.txlab.support.fault.FaultPoints;
import io.txlab.devstack.DevStack;
import io.txlab.inventory.InventoryServiceApplication;
import io.txlab.order.OrderServiceApplication;
import io.txlab.payment.PaymentServiceApplication;
import io.txlab.tools.client.PlatformClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The three services, each in its own Spring context, on free ports, against one {@link DevStack}.
 * Schemas get a per-run prefix so a run against an external MySQL never touches anyone's data; they
 * are dropped again at the end when the database is external.
 */
public final class Platform implements AutoCloseable {

    public enum Service { ORDER, INVENTORY, PAYMENT }

    /**
     * The sweeper's deadline in tests: short, so a stuck order is cancelled within a test, and still well
     * above the time any test's order needs to converge (a check-back takes 6–9 s, a retry 1–3 s; some tests
     * wait for two check-backs in a row).
     */
    public static final Duration PENDING_DEADLINE = Duration.ofSeconds(30);

    /** The admin token the test platform's services require (X-Admin-Token). */
    public static final String ADMIN_TOKEN = "txlab-it-" + UUID.randomUUID();

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private final DevStack stack;
    private final String schemaPrefix;
    private final Map<Service, ConfigurableApplicationContext> contexts = new HashMap<>();
    private final OtlpReceiver traces = OtlpReceiver.start();
    private PlatformClient client;

    private Platform(DevStack stack, String schemaPrefix) {
        this.stack = stack;
        this.schemaPrefix = schemaPrefix;
    }

    public static Platform start(DevStack stack) {
        Platform platform = new Platform(stack, "txlab_it" + UUID.randomUUID().toString().substring(0, 8) + "_");
        long started = System.nanoTime();
        try {
            platform.startService(Service.INVENTORY, InventoryServiceApplication.application());
            platform.startService(Service.PAYMENT, PaymentServiceApplication.application());
            platform.startService(Service.ORDER, OrderServiceApplication.application(),
                    "--TXLAB_INVENTORY_URL=" + platform.baseUrl(Service.INVENTORY),
                    "--TXLAB_PAYMENT_URL=" + platform.baseUrl(Service.PAYMENT),
                    "--TXLAB_PENDING_DEADLINE=" + PENDING_DEADLINE, "--TXLAB_SWEEP_INTERVAL=PT1S",
                    "--TXLAB_FLASH_RECONCILE_INTERVAL=PT1S");
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        log.info("platform started in {} ms (schemas {}*)", (System.nanoTime() - started) / 1_000_000,
                platform.schemaPrefix);
        return platform;
    }

    private void startService(Service service, SpringApplicationBuilder builder, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(extraArgs));
        stack.environment().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--TXLAB_" + service.name() + "_SCHEMA=" + schema(service));
        args.add("--server.port=0");
        args.add("--spring.profiles.active=chaos");
        args.add("--TXLAB_ADMIN_TOKEN=" + ADMIN_TOKEN);
        // Span export on, to the test's own receiver: TraceContextIT reads what arrived.
        args.add("--TXLAB_OTLP_ENDPOINT=" + traces.endpoint());
        // Logging is set up once per JVM: one context's name on every line would mislead, so show none.
        args.add("--logging.include-application-name=false");
        contexts.put(service, builder.run(args.toArray(String[]::new)));
    }

    public String schema(Service service) {
        return schemaPrefix + service.name().toLowerCase();
    }

    public String baseUrl(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** The port the service listens on, on 127.0.0.1: for the raw-socket requests of {@code RawHttp}. */
    public int port(Service service) {
        return Integer.parseInt(context(service).getEnvironment().getProperty("local.server.port"));
    }

    /** One client for every test: its connections are kept alive from test to test, and closed with the platform. */
    public synchronized PlatformClient client() {
        if (client == null) {
            client = new PlatformClient(baseUrl(Service.ORDER), baseUrl(Service.INVENTORY), baseUrl(Service.PAYMENT));
        }
        return client;
    }

    public FaultPoints faults(Service service) {
        return context(service).getBean(FaultPoints.class);
    }

    /** The service's own connection to its own schema: for assertions on what it stored. */
    public JdbcClient db(Service service) {
        return context(service).getBean(JdbcClient.class);
    }

    public <T> Collection<T> beans(Service service, Class<T> type) {
        return context(service).getBeansOfType(type).values();
    }

    /** The spans the services exported. */
    public OtlpReceiver traces() {
        return traces;
    }

    public DevStack stack() {
        return stack;
    }

    public void disarmAllFaults() {
        contexts.values().forEach(context -> context.getBean(FaultPoints.class).disarmAll());
    }

    private ConfigurableApplicationContext context(Service service) {
        ConfigurableApplicationContext context = contexts.get(service);
        if (context == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return context;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        boolean externalDb = System.getenv("TXLAB_MYSQL_URL") != null;
        for (Service service : List.of(Service.ORDER, Service.INVENTORY, Service.PAYMENT)) {
            ConfigurableApplicationContext context = contexts.remove(service);
            if (context == null) {
                continue;
            }
            if (externalDb) {
                dropSchema(context, schema(service));
            }
            context.close();
        }
        traces.close();
    }

    private static void dropSchema(ConfigurableApplicationContext context, String schema) {
        try {
            context.getBean(JdbcClient.class).sql("DROP DATABASE IF EXISTS " + schema).update();
        } catch (RuntimeException e) {
            log.warn("could not drop test schema {}: {}", schema, e.toString());
        }
    }
}
