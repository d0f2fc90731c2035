package io.txlab.e2e.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.txlab.tools.client.PlatformClient;
import io.txlab.e2e.input.HostileInputs.Hostile;
import io.txlab.e2e.support.Footprint;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.e2e.support.RawHttp;
import io.txlab.e2e.support.RawHttp.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed and hostile requests to every service over real sockets ({@link HostileInputs}): each is answered
 * with its 4xx as an RFC 9457 problem (application/problem+json, status and title, no stack trace, no Java class
 * name), and writes nothing: no row in any table of the three schemas and no message, half messages included.
 */
@ExtendWith(PlatformExtension.class)
class HostileInputIT {

    static final int MIN_CASES = 60;

    private static final Logger log = LoggerFactory.getLogger(HostileInputIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long the platform's books must stay still before the first case: whatever earlier tests left is done. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private static Footprint footprint;
    private static String saleId;

    static List<Named<Hostile>> cases() {
        return HostileInputs.all();
    }

    /** An open sale for the purchase cases, an order whose request id they reuse, then a quiet platform. */
    @BeforeAll
    static void prepareAndWaitUntilThePlatformIsQuiet(Platform platform, PlatformClient api) throws Exception {
        saleId = api.createFlashSale(Platform.ADMIN_TOKEN, 6, 1, Instant.now().minusSeconds(1),
                Instant.now().plus(Duration.ofHours(1))).text("saleId");
        assertThat(saleId).isNotBlank();
        // A benchmark buyer (1,000,000.00) and product (100,000,000 units): no other test's books feel it.
        String orderId = api.placeOrder(HostileInputs.USED_REQUEST_ID, 149_999, 7, 1).text("orderId");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        footprint = Footprint.of(platform);
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        AtomicReference<Instant> stillSince = new AtomicReference<>(Instant.now());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Long> now = footprint.read();
            if (!now.equals(last.getAndSet(now))) {
                stillSince.set(Instant.now());
            }
            return Duration.between(stillSince.get(), Instant.now()).compareTo(QUIET) >= 0;
        });
    }

    @AfterAll
    static void closeFootprint() {
        if (footprint != null) {
            footprint.close();
        }
    }

    @Test
    void coversAtLeastSixtyCasesOnAllThreeServices() {
        List<Hostile> all = cases().stream().map(Named::getPayload).toList();
        Set<Service> services = EnumSet.noneOf(Service.class);
        all.forEach(hostile -> services.add(hostile.service()));
        log.info("HostileInputIT: {} cases ({} order, {} inventory, {} payment)", all.size(),
                all.stream().filter(h -> h.service() == Service.ORDER).count(),
                all.stream().filter(h -> h.service() == Service.INVENTORY).count(),
                all.stream().filter(h -> h.service() == Service.PAYMENT).count());
        assertThat(all).hasSizeGreaterThanOrEqualTo(MIN_CASES);
        assertThat(services).containsExactlyInAnyOrder(Service.values());
    }

    /** The documented actuator endpoints answer; everything else under /actuator is among the cases (404). */
    @Test
    void everyServiceExposesHealthAndInfo(Platform platform) throws Exception {
        for (Service service : Service.values()) {
            RawHttp.Response health = RawHttp.send(platform.port(service), Request.of("GET", "/actuator/health"));
            RawHttp.Response info = RawHttp.send(platform.port(service), Request.of("GET", "/actuator/info"));

            assertThat(health.status()).as("%s health", service).isEqualTo(200);
            assertThat(health.body()).as("%s health", service).contains("\"status\":\"UP\"");
            assertThat(info.status()).as("%s info", service).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAnswered4xxWithAProblemAndWritesNothing(Hostile hostile, Platform platform) throws Exception {
        Map<String, Long> before = footprint.read();

        RawHttp.Response response = RawHttp.send(platform.port(hostile.service()), withSale(hostile.request()));

        String what = hostile.name() + "; answer " + response.status() + " " + response.body();
        log.info("{}", what);
        assertThat(response.status()).as("status of %s", what).isEqualTo(hostile.status());
        assertThat(response.header("Content-Type")).as("Content-Type of %s", what)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).as("problem status of %s", what).isEqualTo(hostile.status());
        assertThat(problem.path("title").asString()).as("problem title of %s", what).isNotBlank();
        assertThat(response.body()).as("no stack trace or Java class name in %s", what)
                .doesNotContain("Exception", "java.", "org.springframework", "org.apache", "tools.jackson", "\tat ",
                        "\"trace\"", "<html");
        assertThat(footprint.read()).as("rows and messages after %s", hostile.name()).isEqualTo(before);
    }

    private static Request withSale(Request request) {
        return new Request(request.method(), request.target().replace(HostileInputs.SALE, saleId), request.headers(),
                request.body(), request.chunked());
    }
}
