package io.txlab.tools.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TimelinePrinterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CANCELLED = """
            {"orderId":"3f2a","status":"CANCELLED","reason":"INSUFFICIENT_BALANCE",
             "entries":[
              {"at":"2026-11-22T01:02:03.456Z","service":"order","step":"HALF_MESSAGE_SENT",
               "detail":"OrderCreated half message sent","txId":"7F0000011234ABCDEF","instance":null},
              {"at":"2026-11-22T01:02:03.460Z","service":"order","step":"LOCAL_TX_COMMITTED",
               "detail":"local transaction of OrderCreated committed","txId":null,"instance":null},
              {"at":"2026-11-22T01:02:05.276Z","service":"order","step":"CHECK_BACK",
               "detail":"check-back #1 for OrderCreated answered COMMIT","txId":null,"instance":"order@123@host"},
              {"at":"2026-11-22T01:02:06.000Z","service":"inventory","step":"STOCK_RELEASED",
               "detail":"stock released","txId":"ABC","instance":"inventory@9@host"}],
             "unavailable":["payment: I/O error on GET request"]}
            """;

    @Test
    void headerNamesStatusReasonAndStepCount() {
        assertThat(lines(CANCELLED).get(0)).isEqualTo("Order 3f2a CANCELLED (INSUFFICIENT_BALANCE), 4 steps");
    }

    @Test
    void entriesShowTimeSinceTheFirstEntryAndUtcWallClock() {
        List<String> lines = lines(CANCELLED);

        assertThat(lines.get(1)).startsWith("  +0 ms      01:02:03.456  order      HALF_MESSAGE_SENT ")
                .contains("OrderCreated half message sent");
        assertThat(lines.get(2)).startsWith("  +4 ms      01:02:03.460  order      LOCAL_TX_COMMITTED ");
        assertThat(lines.get(3)).startsWith("  +1820 ms   01:02:05.276  order      CHECK_BACK ");
        assertThat(lines.get(4)).startsWith("  +2544 ms   01:02:06.000  inventory  STOCK_RELEASED ");
    }

    @Test
    void stepAndDetailColumnsAreAligned() {
        List<String> lines = lines(CANCELLED);

        int detail = lines.get(1).indexOf("OrderCreated half message sent");
        assertThat(lines.get(2).indexOf("local transaction")).isEqualTo(detail);
        assertThat(lines.get(4).indexOf("stock released")).isEqualTo(detail);
    }

    @Test
    void txIdIsShortenedAndInstanceShownWhenSet() {
        List<String> lines = lines(CANCELLED);

        assertThat(lines.get(1)).endsWith("OrderCreated half message sent   tx=..011234ABCDEF").doesNotContain(" by ");
        assertThat(lines.get(2)).endsWith("committed").doesNotContain("tx=").doesNotContain(" by ");
        assertThat(lines.get(3)).endsWith("answered COMMIT   by order@123@host").doesNotContain("tx=");
        assertThat(lines.get(4)).endsWith("stock released   tx=..ABC   by inventory@9@host");
    }

    @Test
    void theOrdersTraceIsNamedOnceAndAnEntryOfAnotherTraceNamesItsOwn() {
        List<String> lines = lines("""
                {"orderId":"3f2a","status":"CONFIRMED","entries":[
                  {"at":"2026-11-22T01:02:03.456Z","service":"order","step":"HALF_MESSAGE_SENT","detail":"sent",
                   "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"},
                  {"at":"2026-11-22T01:02:03.460Z","service":"inventory","step":"CONSUMED","detail":"consumed",
                   "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"},
                  {"at":"2026-11-22T01:02:04.000Z","service":"order","step":"CONSUMED","detail":"swept",
                   "traceId":"0af7651916cd43dd8448eb211c80319c"}]}
                """);

        assertThat(lines.get(1)).isEqualTo("  trace 4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(lines.get(2)).endsWith("sent");
        assertThat(lines.get(3)).endsWith("consumed");
        assertThat(lines.get(4)).endsWith("swept   trace=0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void unavailableServicesAreListedAfterTheEntries() {
        List<String> lines = lines(CANCELLED);

        assertThat(lines).hasSize(6);
        assertThat(lines.get(5)).isEqualTo("! payment records unavailable: I/O error on GET request");
    }

    @Test
    void rolledBackOrderHasNoOrderRow() {
        List<String> lines = lines("""
                {"orderId":"X","status":null,"reason":null,
                 "entries":[{"at":"2026-11-22T01:02:03.456Z","service":"order","step":"LOCAL_TX_ROLLED_BACK",
                             "detail":"local transaction of OrderCreated rolled back","txId":"T1","instance":null}],
                 "unavailable":[]}
                """);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Order X: no order row (its OrderCreated was rolled back), 1 step");
        assertThat(lines.get(1)).contains("LOCAL_TX_ROLLED_BACK").endsWith("rolled back   tx=..T1");
    }

    @Test
    void pendingOrderWithoutReasonOrEntries() {
        List<String> lines = lines("""
                {"orderId":"P","status":"PENDING","reason":null,"entries":[],"unavailable":[]}
                """);

        assertThat(lines).containsExactly("Order P PENDING, 0 steps", "  (no steps recorded)");
    }

    private static List<String> lines(String json) {
        JsonNode timeline = JSON.readTree(json);
        return TimelinePrinter.lines(timeline);
    }
}
