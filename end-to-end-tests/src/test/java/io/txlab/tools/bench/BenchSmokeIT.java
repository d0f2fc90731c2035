package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.tools.client.PublishingWay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-model benchmark's constant, step-up, mixed and compare profiles, briefly, against the test platform (which runs
 * the chaos profile, so dual write exists): real orders, real figures.
 */
@ExtendWith(PlatformExtension.class)
class BenchSmokeIT {

    private static final Logger log = LoggerFactory.getLogger(BenchSmokeIT.class);
    private static final int RATE = 20;
    private static final int SECONDS = 3;

    @Test
    void aShortConstantRunConfirmsEveryOrderAndWritesItsThreeReports(Platform platform) throws Exception {
        Path runDir = Files.createTempDirectory(Path.of("target"), "bench-it-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new BenchMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"constant", "--rate",
                Integer.toString(RATE), "--duration", Integer.toString(SECONDS), "--connections", "8"}, env(platform, runDir));
        log.info("benchmark output:\n{}{}", out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> files = files(runDir.resolve("bench"));
        assertThat(files).hasSize(3);
        JsonNode figures = JsonMapper.builder().build().readTree(file(files, ".json").toFile()).path("figures");
        assertThat(figures.path("ordersOffered").asInt()).isEqualTo(RATE * SECONDS);
        assertThat(figures.path("ordersAccepted").asInt()).as("every order got 202").isEqualTo(RATE * SECONDS);
        assertThat(figures.path("errorsByKind").isEmpty()).as(figures.path("errorsByKind").toString()).isTrue();
        assertThat(figures.path("achievedOrderRate").asDouble()).isPositive();
        JsonNode consistency = figures.path("consistency");
        assertThat(consistency.path("confirmed").asInt()).as("all confirmed").isEqualTo(RATE * SECONDS);
        assertThat(consistency.path("pending").asInt()).isZero();
        assertThat(consistency.path("confirmedPerSecond").asDouble()).isPositive();
        assertThat(consistency.path("timeToConsistency").path("p50Ms").asDouble()).isPositive();
        assertThat(Files.readString(file(files, ".md"))).contains("| time to consistency p50 / p99 / p99.9 / max |");
        assertThat(Files.readString(file(files, ".html"))).contains("<svg", "<polyline").doesNotContain("<script");
    }

    @Test
    void aShortStepUpReadsTheConsistencyOfEachStepAndReportsTheConsistencyKnee(Platform platform) throws Exception {
        Path runDir = Files.createTempDirectory(Path.of("target"), "bench-it-step-up-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new BenchMain(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(new String[] {
                "step-up", "--rate", "10", "--step", "10", "--max-rate", "20", "--step-seconds", "2", "--connections", "8",
                "--slo-ms", "60000", "--consistency-slo-ms", "60000"}, env(platform, runDir));
        String console = out.toString(StandardCharsets.UTF_8);
        log.info("step-up benchmark output:\n{}", console);

        assertThat(exit).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(file(files(runDir.resolve("bench")), ".json").toFile());
        JsonNode steps = json.path("steps");
        assertThat(steps).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode consistency = steps.get(i).path("consistency");
            int due = 20 * (i + 1);
            assertThat(consistency.path("orders").asInt()).as("orders due in step %d", i + 1).isEqualTo(due);
            assertThat(consistency.path("confirmed").asInt()).as("step %d all confirmed", i + 1).isEqualTo(due);
            assertThat(consistency.path("timeToConsistency").path("p99Ms").asDouble()).isPositive();
            assertThat(steps.get(i).path("confirmedRate").asDouble()).isEqualTo(10.0 * (i + 1));
        }
        // which step is the knee depends on this machine's load (a late answer moves out of its step's window)
        assertThat(json.path("knee").isObject() || json.path("kneeEndedBy").isString())
                .as("knee %s, ended by %s", json.path("knee"), json.path("kneeEndedBy")).isTrue();
        assertThat(console).contains("| consistency p50 / p99 ms |", "Consistency knee: ");
    }

    @Test
    void aShortMixedRunReadsStockAndEarlierOrdersWithoutErrors(Platform platform) throws Exception {
        Path runDir = Files.createTempDirectory(Path.of("target"), "bench-it-mixed-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new BenchMain(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(
                new String[] {"mixed", "--rate", "50", "--duration", "2", "--connections", "8"}, env(platform, runDir));
        log.info("mixed benchmark output:\n{}", out.toString(StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        JsonNode figures = JsonMapper.builder().build().readTree(file(files(runDir.resolve("bench")), ".json").toFile())
                .path("figures");
        assertThat(figures.path("ordersAccepted").asInt()).isEqualTo(10);
        assertThat(figures.path("readLatency").path("count").asInt()).isEqualTo(90);
        assertThat(figures.path("errorsByKind").isEmpty()).as(figures.path("errorsByKind").toString()).isTrue();
        assertThat(figures.path("consistency").path("confirmed").asInt()).isEqualTo(10);
    }

    @Test
    void aShortCompareRunConfirmsEveryOrderOfEveryWayThenSellsAFlashSaleWithoutOverselling(Platform platform)
            throws Exception {
        Path runDir = Files.createTempDirectory(Path.of("target"), "bench-it-compare-");
        Files.writeString(runDir.resolve("admin-token"), Platform.ADMIN_TOKEN + "\n");
        // the test platform's services run in this JVM: its CPU is the order service's (and the driver's)
        Files.writeString(Files.createDirectories(runDir.resolve("pids")).resolve("order-service.pid"),
                ProcessHandle.current().pid() + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int units = 20;

        int exit = new BenchMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"compare", "--rate", "15",
                "--duration", "6", "--block-seconds", "2", "--connections", "8", "--flash-seconds", "2", "--flash-rate", "50", "--flash-units",
                Integer.toString(units)}, env(platform, runDir));
        String console = out.toString(StandardCharsets.UTF_8);
        log.info("compare benchmark output:\n{}{}", console, err.toString(StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(file(files(runDir.resolve("bench")), ".json").toFile());
        assertThat(json.path("figures").path("ordersAccepted").asInt()).isEqualTo(90);
        assertThat(json.path("settings").path("rotation").asString()).isEqualTo("BLOCK");
        assertThat(json.path("settings").path("blockSeconds").asInt()).isEqualTo(2);
        JsonNode ways = json.path("ways");
        assertThat(ways).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode way = ways.get(i);
            String name = way.path("way").asString();
            assertThat(name).isEqualTo(PublishingWay.values()[i].label());
            assertThat(way.path("ordersOffered").asInt()).as(name).isEqualTo(30);
            assertThat(way.path("ordersAccepted").asInt()).as(name).isEqualTo(30);
            assertThat(way.path("errorsByKind").isEmpty()).as(name + ": " + way.path("errorsByKind")).isTrue();
            assertThat(way.path("achievedOrderRate").asDouble()).as(name).isPositive();
            assertThat(way.path("httpLatency").path("p99Ms").asDouble()).as(name).isPositive();
            assertThat(way.path("consistency").path("confirmed").asInt()).as(name + " all confirmed").isEqualTo(30);
            assertThat(way.path("consistency").path("timeToConsistency").path("p99Ms").asDouble()).as(name)
                    .isPositive();
            assertThat(way.path("versusDualWrite").path("achievedOrderRate").asDouble()).as(name).isPositive();
            JsonNode cpu = way.path("cpuMsPerOrder");
            assertThat(cpu.path("total").asDouble()).as(name + " CPU ms per order: " + cpu).isPositive();
            assertThat(cpu.path("byProcess").path("order-service").asDouble()).as(name).isPositive();
            assertThat(cpu.path("byProcess").path("driver").asDouble()).as(name).isPositive();
            assertThat(cpu.path("countedOrders").asInt()).as("second 2 of the way's block").isEqualTo(15);
            assertThat(way.path("versusDualWrite").path("cpuPerOrder").asDouble()).as(name).isPositive();
        }
        JsonNode flash = json.path("flash");
        assertThat(flash.path("status").asString()).as(flash.toString()).isEqualTo("done");
        JsonNode sale = flash.path("figures");
        assertThat(sale.path("requests").asInt()).isEqualTo(100);
        assertThat(sale.path("accepted").asInt()).isPositive().isLessThanOrEqualTo(units);
        assertThat(sale.path("rejectedByKind").path("sold-out").asInt()).isPositive();
        assertThat(sale.path("sale").path("settled").asBoolean()).isTrue();
        assertThat(sale.path("sale").path("confirmed").asInt()).isLessThanOrEqualTo(units);
        assertThat(sale.path("sale").path("oversold").asBoolean()).isFalse();
        assertThat(console).contains("| way | offered | accepted (2xx)", "| dual-write | 30 | 30 |", "1.00×",
                "CPU ms per accepted order, by way", "| way | order-service | driver | total (platform) |",
                "[   1s] flash: offered", "| oversold | no |");
    }

    private static Map<String, String> env(Platform platform, Path runDir) {
        return Map.of("TXLAB_ORDER_PORT", port(platform.baseUrl(Service.ORDER)),
                "TXLAB_INVENTORY_PORT", port(platform.baseUrl(Service.INVENTORY)),
                "TXLAB_MYSQL_URL", platform.stack().mysqlUrl(), "TXLAB_MYSQL_USER", platform.stack().mysqlUser(),
                "TXLAB_MYSQL_PASSWORD", platform.stack().mysqlPassword(),
                "TXLAB_ORDER_SCHEMA", platform.schema(Service.ORDER), "TXLAB_RUN_DIR", runDir.toString());
    }

    private static String port(String baseUrl) {
        return Integer.toString(URI.create(baseUrl).getPort());
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static Path file(List<Path> files, String suffix) {
        return files.stream().filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
}
