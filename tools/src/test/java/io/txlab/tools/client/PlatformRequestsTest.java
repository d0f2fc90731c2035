package io.txlab.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order's JSON written and its answer read without a Jackson round, and the fallbacks when that cannot be. */
class PlatformRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theOrderBodyIsTheJsonJacksonWouldWrite() {
        String requestId = UUID.randomUUID().toString();

        JsonNode body = JSON.readTree(PlatformRequests.orderBody(requestId, 100_001, 7, 1));

        assertThat(body.path("requestId").asString()).isEqualTo(requestId);
        assertThat(body.path("userId").asLong()).isEqualTo(100_001);
        assertThat(body.path("productId").asLong()).isEqualTo(7);
        assertThat(body.path("quantity").asInt()).isEqualTo(1);
        assertThat(body.size()).isEqualTo(4);
    }

    @Test
    void aRequestIdThatJsonMustEscapeIsWrittenByJackson() {
        String requestId = "say \"hi\"\\";

        assertThat(JSON.readTree(PlatformRequests.orderBody(requestId, 1, 2, 1)).path("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void theOrderIdIsReadFromTheServicesCompactAnswerAndFromAnyOtherLayoutByParsing() {
        assertThat(PlatformRequests.orderId("{\"orderId\":\"0b6f-42\",\"status\":\"PENDING\"}")).isEqualTo("0b6f-42");
        assertThat(PlatformRequests.orderId("{ \"status\": \"PENDING\", \"orderId\" : \"0b6f-43\" }")).isEqualTo("0b6f-43");
        assertThat(PlatformRequests.orderId("{\"orderId\":\"a\\u0062c\"}")).as("escaped: parsed").isEqualTo("abc");
        assertThat(PlatformRequests.orderId("{\"status\":\"PENDING\"}")).isEmpty();
        assertThat(PlatformRequests.orderId("not json")).isEmpty();
    }
}
