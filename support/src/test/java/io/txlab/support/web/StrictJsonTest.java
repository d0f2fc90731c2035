package io.txlab.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    record Order(String requestId, Long userId, Integer quantity, boolean gift) {
    }

    private final JsonMapper mapper = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @Test
    void readsABodyExactlyAsSent() {
        assertThat(mapper.readValue("{\"requestId\":\"r-1\",\"userId\":7,\"quantity\":3,\"gift\":true}", Order.class))
                .isEqualTo(new Order("r-1", 7L, 3, true));
        assertThat(mapper.readValue("{\"requestId\":\"r-1\",\"gift\":false}", Order.class))
                .as("a missing boxed field stays null, for the domain to report")
                .isEqualTo(new Order("r-1", null, null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"quantity\":1.5,\"gift\":false}",
        "{\"quantity\":2.0,\"gift\":false}",
        "{\"quantity\":\"2\",\"gift\":false}",
        "{\"quantity\":\"\",\"gift\":false}",
        "{\"quantity\":true,\"gift\":false}",
        "{\"quantity\":[1],\"gift\":false}",
        "{\"quantity\":2147483648,\"gift\":false}",
        "{\"userId\":\"7\",\"gift\":false}",
        "{\"userId\":1e3,\"gift\":false}",
        "{\"requestId\":12345,\"gift\":false}",
        "{\"requestId\":true,\"gift\":false}",
        "{\"gift\":1}",
        "{\"gift\":\"true\"}",
        "{\"gift\":null}",
        "{\"gift\":false,\"admin\":true}",
        "{\"quantity\":1,\"quantity\":100,\"gift\":false}",
        "{\"gift\":false} {\"gift\":true}",
        "{\"gift\":false} x"
    })
    void refusesWhatItWouldOtherwiseChangeOrIgnore(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Order.class)).isInstanceOf(JacksonException.class);
    }
}
