package io.txlab.tools.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import io.txlab.tools.bench.OrderDatabase;
import io.txlab.tools.check.CheckTarget;
import io.txlab.tools.client.FlashSales;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.runner.PlatformReadiness;
import io.txlab.tools.runner.ServiceProcesses;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/soak.sh}: a chaos soak against a platform running with the chaos profile. Writes
 * soak-SEED.json and soak-SEED.md to the report directory and prints the Markdown. Exit 0: nothing lost, every
 * fault recovered from, every invariant held; 1: a violation; 2: bad usage or a platform that cannot be soaked.
 */
public final class SoakMain {

    static final int PASSED = 0;
    static final int VIOLATED = 1;
    static final int CANNOT_RUN = 2;
    private static final int CONNECTIONS = 256;
    private static final Duration LOAD_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private SoakMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("TXLAB_ROOT", "."));
        SoakOptions options;
        Duration pendingDeadline;
        try {
            options = SoakOptions.parse(args, Path.of(env.getOrDefault("TXLAB_SOAK_DIR", root.resolve(".run/soak").toString())));
            pendingDeadline = Duration.parse(env.getOrDefault("TXLAB_PENDING_DEADLINE", "PT90S"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(SoakOptions.USAGE);
            return CANNOT_RUN;
        }
        String orderUrl = url(env, "TXLAB_ORDER_PORT", 8081);
        String inventoryUrl = url(env, "TXLAB_INVENTORY_PORT", 8082);
        String paymentUrl = url(env, "TXLAB_PAYMENT_PORT", 8083);
        PlatformClient api = new PlatformClient(orderUrl, inventoryUrl, paymentUrl);
        String token = env.getOrDefault("TXLAB_ADMIN_TOKEN", "");
        Optional<String> notReady = new PlatformReadiness(api, token).problem();
        if (notReady.isPresent()) {
            System.err.println(notReady.get());
            return CANNOT_RUN;
        }
        System.out.println("soak: seed " + options.seed() + ", " + options.length().toSeconds() + " s at "
                + options.rate() + " orders/s, faults " + options.faultNames() + "; reports in " + options.reportDir());
        // the load's own client: more connections, and the driver's shorter timeout (a request unanswered in 10 s
        // is retried); faults and probes go on the default one
        try (api; PlatformClient load = new PlatformClient(orderUrl, inventoryUrl, paymentUrl, CONNECTIONS,
                LOAD_REQUEST_TIMEOUT)) {
            SoakRun.Target target = new SoakRun.Target(api, load, new FlashSales(load, token), token,
                    new ServiceProcesses(root, line -> System.out.println("    " + line)),
                    OrderDatabase.fromEnvironment(env), CheckTarget.fromEnvironment(env), pendingDeadline);
            SoakReport report = new SoakRun(target, System.out::println).run(options);
            write(report, options.reportDir());
            SoakMarkdown.lines(report).forEach(System.out::println);
            return report.passed() ? PASSED : VIOLATED;
        } catch (SQLException e) {
            System.err.println("cannot read the platform's database: " + e.getMessage());
            return CANNOT_RUN;
        } catch (IOException e) {
            System.err.println("cannot write the report: " + e.getMessage());
            return CANNOT_RUN;
        }
    }

    private static void write(SoakReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = "soak-" + report.settings().seed();
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(dir.resolve(name + ".json"), json.writeValueAsString(report));
        Files.write(dir.resolve(name + ".md"), SoakMarkdown.lines(report));
        System.out.println("report: " + dir.resolve(name + ".json") + " and " + dir.resolve(name + ".md"));
    }

    private static String url(Map<String, String> env, String portVariable, int port) {
        return "http://127.0.0.1:" + env.getOrDefault(portVariable, Integer.toString(port));
    }
}
