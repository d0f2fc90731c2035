package io.txlab.tools.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PublishingWay;

/**
 * {@code scripts/load.sh constant|step-up|sale|mixed|compare [options]}: the open-model benchmark of ordinary
 * orders. Settings from the environment: TXLAB_ORDER_PORT (8081), TXLAB_INVENTORY_PORT (8082), TXLAB_MYSQL_URL/
 * USER/PASSWORD and TXLAB_ORDER_SCHEMA (as the services), TXLAB_RUN_DIR (./.run: pid files in, results to bench/),
 * TXLAB_CLK_TCK (100), TXLAB_ADMIN_TOKEN (else RUN_DIR/admin-token; compare's flash-sale phase). The only class
 * here that prints. Exit codes: 0 done; 1 compare's flash sale was oversold; 2 bad usage; 3 order service
 * unreachable; 4 the orders could not be read from the database; 5 compare, but the platform lacks a way: no
 * dual-write endpoint (not the chaos profile) or no outbox (an older order service); 6 compare's flash-sale phase
 * failed (sale refused, say). With 1, 4 and 6 the figures are still written.
 */
public final class BenchMain {

    static final int OK = 0;
    static final int OVERSOLD = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int NO_DATABASE = 4;
    static final int MISSING_WAY = 5;
    static final int FLASH_FAILED = 6;
    /** An order unanswered this long is an error of kind timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final PrintStream err;

    BenchMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new BenchMain(System.out, System.err).run(args, System.getenv()));
    }

    int run(String[] args, Map<String, String> env) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(BenchOptions.USAGE);
            return OK;
        }
        BenchOptions options;
        String orderUrl;
        String inventoryUrl;
        String paymentUrl;
        long clockTicks;
        try {
            options = BenchOptions.parse(args);
            orderUrl = "http://127.0.0.1:" + port(env, "TXLAB_ORDER_PORT", "8081");
            inventoryUrl = "http://127.0.0.1:" + port(env, "TXLAB_INVENTORY_PORT", "8082");
            paymentUrl = "http://127.0.0.1:" + port(env, "TXLAB_PAYMENT_PORT", "8083");
            clockTicks = clockTicks(env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(BenchOptions.USAGE);
            return USAGE;
        }
        try (PlatformClient api = new PlatformClient(orderUrl, inventoryUrl, paymentUrl, options.connections(),
                REQUEST_TIMEOUT)) {
            return measure(options, api, env, inventoryUrl, clockTicks);
        }
    }

    private int measure(BenchOptions options, PlatformClient api, Map<String, String> env, String inventoryUrl,
                        long clockTicks) {
        String orderUrl = api.orderUrl();
        if (!api.reachable("order")) {
            err.println("cannot reach the order service at " + orderUrl + "; is the platform running?"
                    + " Start it with scripts/up.sh");
            return UNREACHABLE;
        }
        if (options.profile() == Profile.COMPARE && !hasDualWrite(api)) {
            err.println("the dual-write endpoint exists only with the chaos profile: start the platform with"
                    + " SPRING_PROFILES_ACTIVE=chaos scripts/up.sh");
            return MISSING_WAY;
        }
        if (options.profile() == Profile.COMPARE && !hasOutbox(api)) {
            err.println("the order service at " + orderUrl + " does not know POST /api/orders?publish=outbox (it is"
                    + " older than the outbox): rebuild and restart the platform");
            return MISSING_WAY;
        }
        Path runDir = Path.of(env.getOrDefault("TXLAB_RUN_DIR", ".run"));
        Bench.Target target = new Bench.Target(api, OrderDatabase.fromEnvironment(env), runDir, clockTicks,
                Duration.ofSeconds(options.settleSeconds()), AdminToken.find(env, runDir));
        return benchmark(options, target, inventoryUrl, runDir);
    }

    private int benchmark(BenchOptions options, Bench.Target target, String inventoryUrl, Path runDir) {
        ConsoleText.settings(options, target, inventoryUrl).forEach(out::println);
        BenchResult result = new Bench(target).run(options, out::println);
        ResultFiles.Paths paths = new ResultFiles(runDir.resolve("bench")).write(result, LocalDateTime.now());
        out.println();
        MarkdownReport.lines(result).forEach(out::println);
        out.println();
        out.println("JSON     " + paths.json().toAbsolutePath());
        out.println("Markdown " + paths.markdown().toAbsolutePath());
        out.println("HTML     " + paths.html().toAbsolutePath());
        return exitCode(result);
    }

    /** A service that stops answering now is unreachable all the same. */
    private static boolean hasDualWrite(PlatformClient api) {
        try {
            return api.hasEndpoint(PublishingWay.DUAL_WRITE);
        } catch (PlatformClient.Unreachable e) {
            return true;
        }
    }

    private static boolean hasOutbox(PlatformClient api) {
        try {
            return api.knowsPublishModes();
        } catch (PlatformClient.Unreachable e) {
            return true;
        }
    }

    static int exitCode(BenchResult result) {
        if (result.flash() != null && result.flash().oversold()) {
            return OVERSOLD;
        }
        if (result.figures().consistency() == null) {
            return NO_DATABASE;
        }
        return result.flash() != null && result.flash().status().equals("failed") ? FLASH_FAILED : OK;
    }

    private static int port(Map<String, String> env, String name, String fallback) {
        String port = env.getOrDefault(name, fallback).strip();
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + port + "'");
        }
        return Integer.parseInt(port);
    }

    private static long clockTicks(Map<String, String> env) {
        String ticks = env.getOrDefault("TXLAB_CLK_TCK", "100").strip();
        if (!ticks.matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException("TXLAB_CLK_TCK must be a positive whole number, not '" + ticks + "'");
        }
        return Long.parseLong(ticks);
    }
}
