package io.txlab.tools.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FlashLoadMainTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // the JDK's server sends headers and body in two writes: without this, Nagle and delayed ACKs add ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FlashLoadMain main = new FlashLoadMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(2));
    private FakeOrderService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void badUsageExitsWith2WithTheUsageAndNoStackTrace() {
        assertThat(main.run(new String[] {"soak"}, Map.of("TXLAB_ADMIN_TOKEN", "t"))).isEqualTo(FlashLoadMain.USAGE);
        assertThat(main.run(new String[] {"flash", "--buyers", "0"}, Map.of())).isEqualTo(FlashLoadMain.USAGE);

        assertThat(err()).contains("no load profile 'soak'; the only profile is flash",
                "--buyers must be a whole number from 1 to 2000", LoadOptions.USAGE).doesNotContain("Exception");
        assertThat(out()).isEmpty();
    }

    @Test
    void withoutAnAdminTokenItSaysWhereToFindOne() {
        assertThat(main.run(new String[] {"flash"}, Map.of("TXLAB_ORDER_PORT", "1"))).isEqualTo(FlashLoadMain.USAGE);
        assertThat(err()).contains("set TXLAB_ADMIN_TOKEN", ".run/admin-token");
    }

    @Test
    void anUnreachableOrderServiceExitsWith3AndSaysHowToStartThePlatform() {
        assertThat(main.run(new String[] {"flash"}, Map.of("TXLAB_ORDER_PORT", "1", "TXLAB_ADMIN_TOKEN", "t")))
                .isEqualTo(FlashLoadMain.UNREACHABLE);
        assertThat(err()).startsWith("cannot reach the order service at http://127.0.0.1:1 (cannot reach ")
                .contains("Start it with scripts/up.sh").doesNotContain("\tat ");
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void runsTheBenchmarkAndReportsASaleThatWasNotOversold() throws IOException {
        service = new FakeOrderService(false);

        int exit = main.run(new String[] {"flash", "--units", "20", "--buyers", "200", "--concurrency", "8"}, service.env());

        assertThat(exit).isEqualTo(FlashLoadMain.OK);
        assertThat(service.created.get("productId").asLong()).isEqualTo(6);
        assertThat(service.created.get("units").asInt()).isEqualTo(20);
        assertThat(out()).contains("Flash-sale benchmark: a benchmark, not a test", "closed model",
                "users 1001..1200", "processors",
                "Results: 400 requests in ")
                .containsPattern("accepted \\(202\\) +20\\n")
                // the fake checks already-bought first: every buyer's second click
                .containsPattern("already-bought \\(409\\) +200\\n")
                .containsPattern("sold-out \\(409\\) +180\\n")
                .containsPattern("rejected \\(409 \\+ 429\\) +380 +[0-9.]+ +[0-9.]+ +[0-9.]+\\n")
                .contains("units 20   confirmed 20   cancelled 0   pending 0   redisRemaining 0", "oversold: no");
        assertThat(err()).isEmpty();
    }

    @Test
    void moreConfirmedOrdersThanUnitsIsOversoldAndExits1() throws IOException {
        service = new FakeOrderService(true);

        int exit = main.run(new String[] {"flash", "--units", "5", "--buyers", "20", "--requests-per-buyer", "1"},
                service.env());

        assertThat(exit).isEqualTo(FlashLoadMain.OVERSOLD);
        assertThat(out()).contains("confirmed 20", "oversold: YES");
    }

    @Test
    void aRefusedAdminTokenExitsWith4() throws IOException {
        service = new FakeOrderService(false);

        assertThat(main.run(new String[] {"flash"}, Map.of("TXLAB_ORDER_PORT", service.port(),
                "TXLAB_ADMIN_TOKEN", "guess"))).isEqualTo(FlashLoadMain.UNEXPECTED_ANSWER);
        assertThat(err()).contains("refused the admin token (HTTP 401: wrong X-Admin-Token)");
    }

    @Test
    void tooLittleStockExitsWith4AndSuggestsFewerUnits() throws IOException {
        service = new FakeOrderService(false);

        assertThat(main.run(new String[] {"flash", "--units", "999"}, service.env()))
                .isEqualTo(FlashLoadMain.UNEXPECTED_ANSWER);
        assertThat(err()).contains("product 6 cannot back a sale of 999 units (HTTP 409: only 100 in stock);"
                + " try fewer units");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The flash-sale contract on an ephemeral port: one unit per buyer, 100 in stock; oversells if asked to. */
    private static final class FakeOrderService {
        final HttpServer server;
        final ExecutorService threads = Executors.newFixedThreadPool(16);
        final boolean oversell;
        final AtomicInteger remaining = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final Set<Long> buyers = ConcurrentHashMap.newKeySet();
        volatile JsonNode created;

        FakeOrderService(boolean oversell) throws IOException {
            this.oversell = oversell;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/flash-sales", this::handle);
            server.setExecutor(threads);
            server.start();
        }

        String port() {
            return Integer.toString(server.getAddress().getPort());
        }

        Map<String, String> env() {
            return Map.of("TXLAB_ORDER_PORT", port(), "TXLAB_ADMIN_TOKEN", "secret");
        }

        void stop() {
            server.stop(0);
            threads.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = exchange.getRequestMethod().equals("POST")
                    ? JSON.readTree(exchange.getRequestBody().readAllBytes()) : JSON.missingNode();
            if (path.equals("/api/flash-sales")) {
                create(exchange, body);
            } else if (path.equals("/api/flash-sales/s-1/purchases")) {
                purchase(exchange, body.get("userId").asLong());
            } else {
                int sold = oversell ? accepted.get() : Math.min(accepted.get(), created.get("units").asInt());
                reply(exchange, 200, "{\"saleId\":\"s-1\",\"units\":" + created.get("units") + ",\"redisRemaining\":"
                        + Math.max(0, remaining.get()) + ",\"orders\":{\"pending\":0,\"confirmed\":" + sold
                        + ",\"cancelled\":0}}");
            }
        }

        private void create(HttpExchange exchange, JsonNode body) throws IOException {
            if (!"secret".equals(exchange.getRequestHeaders().getFirst("X-Admin-Token"))) {
                reply(exchange, 401, "{\"title\":\"Unauthorized\",\"detail\":\"wrong X-Admin-Token\"}");
            } else if (body.get("units").asInt() > 100) {
                reply(exchange, 409, "{\"title\":\"Not enough stock\",\"detail\":\"only 100 in stock\"}");
            } else {
                created = body;
                remaining.set(body.get("units").asInt());
                reply(exchange, 201, "{\"saleId\":\"s-1\",\"productId\":" + body.get("productId") + "}");
            }
        }

        private void purchase(HttpExchange exchange, long userId) throws IOException {
            if (!oversell && !buyers.add(userId)) {
                reply(exchange, 409, "{\"type\":\"https://txlab.io/problems/already-bought\"}");
            } else if (!oversell && remaining.decrementAndGet() < 0) {
                reply(exchange, 409, "{\"type\":\"https://txlab.io/problems/sold-out\"}");
            } else {
                accepted.incrementAndGet();
                reply(exchange, 202, "{\"orderId\":\"o-" + userId + "\",\"status\":\"PENDING\"}");
            }
        }

        private static void reply(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
