package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BenchMain main = new BenchMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void helpPrintsTheUsage() {
        assertThat(main.run(new String[] {"--help"}, Map.of())).isEqualTo(BenchMain.OK);
        assertThat(out()).contains("usage: scripts/load.sh constant|step-up|sale|mixed|compare", "--slo-ms",
                "--consistency-slo-ms", "--settle-seconds",
                "--ramp-down", "--flash-seconds", "--rotation block|request", "--block-seconds");
    }

    @Test
    void badUsageExits2WithTheReasonAndTheUsageButNoStackTrace() {
        assertThat(main.run(new String[] {"constant", "--rate", "lots"}, Map.of())).isEqualTo(BenchMain.USAGE);

        assertThat(err()).startsWith("--rate must be a whole number from 1 to 100000, not 'lots'")
                .contains("usage: scripts/load.sh").doesNotContain("Exception", "\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void badNewLimitsExit2WithoutAStackTraceToo() {
        assertThat(main.run(new String[] {"step-up", "--consistency-slo-ms", "fast"}, Map.of()))
                .isEqualTo(BenchMain.USAGE);
        assertThat(main.run(new String[] {"constant", "--settle-seconds=forever"}, Map.of())).isEqualTo(BenchMain.USAGE);

        assertThat(err()).startsWith("--consistency-slo-ms must be a whole number from 1 to 600000, not 'fast'")
                .contains("--settle-seconds must be a whole number from 0 to 86400, not 'forever'")
                .doesNotContain("Exception", "\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void aBadRotationOrBlockLengthExits2WithOneLineOfReasonAndNoStackTrace() {
        assertThat(main.run(new String[] {"compare", "--rotation", "turns"}, Map.of())).isEqualTo(BenchMain.USAGE);
        assertThat(firstLine(err())).isEqualTo("--rotation must be request or block, not 'turns'");
        err.reset();
        assertThat(main.run(new String[] {"compare", "--block-seconds", "1"}, Map.of())).isEqualTo(BenchMain.USAGE);
        assertThat(firstLine(err())).isEqualTo("--block-seconds must be a whole number from 2 to 3600, not '1'");
        err.reset();
        assertThat(main.run(new String[] {"compare", "--block-seconds", "20"}, Map.of())).isEqualTo(BenchMain.USAGE);
        assertThat(firstLine(err())).startsWith("--rotation block needs --duration of at least 3 x --block-seconds"
                + " (60 s)");

        assertThat(err()).contains("usage: scripts/load.sh").doesNotContain("Exception", "\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void badEnvironmentIsBadUsageToo() {
        assertThat(main.run(new String[] {"constant"}, Map.of("TXLAB_ORDER_PORT", "http"))).isEqualTo(BenchMain.USAGE);
        assertThat(err()).startsWith("TXLAB_ORDER_PORT must be a port number, not 'http'");
        assertThat(main.run(new String[] {"constant"}, Map.of("TXLAB_CLK_TCK", "0"))).isEqualTo(BenchMain.USAGE);
    }

    @Test
    void anUnreachableOrderServiceExits3AndSaysHowToStartIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThat(main.run(new String[] {"constant", "--duration", "1"}, Map.of("TXLAB_ORDER_PORT", Integer.toString(port))))
                .isEqualTo(BenchMain.UNREACHABLE);
        assertThat(err()).contains("cannot reach the order service at http://127.0.0.1:" + port, "scripts/up.sh");
    }

    @Test
    void compareWithoutTheDualWriteEndpointExits5AndSaysToStartTheChaosProfile() throws Exception {
        assertThat(compareAgainst(Map.of("/api/unsafe", 404))).isEqualTo(BenchMain.MISSING_WAY);

        assertThat(err()).isEqualTo("the dual-write endpoint exists only with the chaos profile: start the platform"
                + " with SPRING_PROFILES_ACTIVE=chaos scripts/up.sh" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void compareAgainstAnOrderServiceOlderThanTheOutboxExits5Too() throws Exception {
        assertThat(compareAgainst(Map.of("/api/unsafe", 400, "/api/orders", 400))).isEqualTo(BenchMain.MISSING_WAY);

        assertThat(err()).contains("does not know POST /api/orders?publish=outbox", "rebuild and restart")
                .doesNotContain("Exception");
    }

    /** A platform that answers {@code statuses} by path prefix, 200 elsewhere, with no problem type. */
    private int compareAgainst(Map<String, Integer> statuses) throws Exception {
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            exchange.sendResponseHeaders(statuses.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(200), -1);
            exchange.close();
        });
        platform.start();
        try {
            return main.run(new String[] {"compare", "--duration", "1", "--rotation", "request"},
                    Map.of("TXLAB_ORDER_PORT", Integer.toString(platform.getAddress().getPort())));
        } finally {
            platform.stop(0);
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
