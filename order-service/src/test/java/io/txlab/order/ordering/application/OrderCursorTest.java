package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class OrderCursorTest {

    @Test
    void aTokenReadsBackAsTheCursorItCameFrom() {
        OrderCursor cursor = new OrderCursor(Instant.parse("2026-12-07T12:00:00.123Z"), "7c0e-order|with-a-bar");
        assertThat(OrderCursor.parse(cursor.token())).contains(cursor);
    }

    @Test
    void aTokenThisServiceNeverHandedOutIsRefused() {
        assertThat(OrderCursor.parse("not-a-cursor")).isEmpty();
        assertThat(OrderCursor.parse("bm90LWEtY3Vyc29y")).isEmpty();
        assertThat(OrderCursor.parse("A".repeat(300))).isEmpty();
        assertThat(OrderCursor.parse(base64("o1|abc|order-1"))).as("not a number").isEmpty();
        assertThat(OrderCursor.parse(base64("o2|0|order-1"))).as("another version").isEmpty();
        assertThat(OrderCursor.parse(base64("o1|0|a\nb"))).as("a control character").isEmpty();
        assertThat(OrderCursor.parse(base64("o1|0|"))).as("no id").isEmpty();
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
