package io.txlab.order.ordering.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of the order list ended: its last order's creation time and id, the list's sort key. A client
 * gets it as an opaque token and sends it back unchanged for the next page.
 */
public record OrderCursor(Instant createdAt, String orderId) {

    private static final String VERSION = "o1";
    private static final int MAX_TOKEN_LENGTH = 200;

    public String token() {
        String plain = VERSION + "|" + createdAt.toEpochMilli() + "|" + orderId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for a token this service never handed out (or one altered on the way). */
    public static Optional<OrderCursor> parse(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty() || parts[2].length() > 64
                    || parts[2].chars().anyMatch(Character::isISOControl)) {
                return Optional.empty();
            }
            return Optional.of(new OrderCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException e) { // bad Base64 or a bad number
            return Optional.empty();
        }
    }
}
