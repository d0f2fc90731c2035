package io.txlab.order.ordering.application;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a new order's OrderCreated leaves the order service ({@code POST /api/orders?publish=...}). Both are
 * safe: the order row exists only if its event will be delivered.
 */
public enum PublishMode {

    /** A half message whose local transaction inserts the order row (the default). */
    TRANSACTIONAL,
    /** The order row and an outbox row in one DB transaction; the outbox relay sends the event afterwards. */
    OUTBOX;

    /** The values {@code publish} accepts, as a client writes them. */
    public static List<String> parameterValues() {
        return Arrays.stream(values()).map(PublishMode::parameterValue).toList();
    }

    /**
     * @param value the {@code publish} parameter; null or blank for the default
     * @throws UnknownPublishModeException when it names no mode
     */
    public static PublishMode fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return TRANSACTIONAL;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.parameterValue().equals(wanted)).findFirst()
                .orElseThrow(() -> new UnknownPublishModeException(value, parameterValues()));
    }

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
