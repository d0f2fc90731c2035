package io.txlab.tools.client;

import java.util.Arrays;

/**
 * How an order's OrderCreated gets to the broker, and the endpoint that places an order that way. The compare
 * profile rotates through all three, order by order or block by block of seconds, so that whatever the machine
 * does hits each alike.
 */
public enum PublishingWay {
    TRANSACTIONAL("transactional", PlatformRequests.ORDERS),
    OUTBOX("outbox", PlatformRequests.ORDERS + "?publish=outbox"),
    DUAL_WRITE("dual-write", "/api/unsafe/dual-write/orders");

    private final String label;
    private final String path;

    PublishingWay(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    /** The path and query of the POST that places an order this way. */
    public String path() {
        return path;
    }

    /** Order (or block) {@code k} of a compare run: the ways take turns, in declaration order. */
    public static PublishingWay inTurn(int k) {
        return values()[Math.floorMod(k, values().length)];
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(PublishingWay::label).toList());
    }
}
