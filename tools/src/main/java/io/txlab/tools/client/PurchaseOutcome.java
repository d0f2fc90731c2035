package io.txlab.tools.client;

import java.util.EnumSet;
import java.util.Set;

/** What became of one purchase: from its HTTP status and, for a 409, the end of the problem's {@code type}. */
public enum PurchaseOutcome {
    ACCEPTED,
    SOLD_OUT,
    ALREADY_BOUGHT,
    OTHER_CONFLICT,
    RATE_LIMITED,
    UNAVAILABLE,
    ERROR;

    /** The refusals the contract foresees: every 409 and the 429. */
    public static final Set<PurchaseOutcome> REJECTED = EnumSet.of(SOLD_OUT, ALREADY_BOUGHT, OTHER_CONFLICT, RATE_LIMITED);

    /** {@code problemType} may be null or empty (a 409 without a problem body is still a conflict). */
    static PurchaseOutcome of(int status, String problemType) {
        return switch (status) {
            case 202 -> ACCEPTED;
            case 409 -> conflict(problemType == null ? "" : problemType.strip());
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> ERROR;
        };
    }

    private static PurchaseOutcome conflict(String type) {
        if (type.endsWith("sold-out")) {
            return SOLD_OUT;
        }
        if (type.endsWith("already-bought")) {
            return ALREADY_BOUGHT;
        }
        return OTHER_CONFLICT;
    }
}
