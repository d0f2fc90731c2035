package io.txlab.tools.bench;

import java.util.Locale;

/**
 * How compare's orders take turns among the publishing ways: {@code REQUEST} consecutive orders, {@code BLOCK}
 * blocks of whole seconds of intended send time (so that each second's CPU belongs to one way). {@code NONE}: the
 * other profiles, whose orders all go the transactional way.
 */
public enum Rotation {
    NONE, REQUEST, BLOCK;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What {@code --rotation} accepts: request or block. */
    static Rotation of(String name) {
        return switch (name.strip()) {
            case "request" -> REQUEST;
            case "block" -> BLOCK;
            default -> throw new IllegalArgumentException("--rotation must be request or block, not '" + name + "'");
        };
    }
}
