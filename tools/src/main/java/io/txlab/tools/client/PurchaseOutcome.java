package io.txlab.tools.client;

import java.util.EnumSet;
import java.util.Set;

/** What became of one purchase: from its HTTP status and, for a 409, the end of the problem's {@code type}. */
public enum PurchaseOutcome {
    ACCEPTED("accepted (202)"),
    SOLD_OUT("sold-out (409)"),
    ALREADY_BOUGHT("already-bought (409)"),
    OTHER_CONFLICT("other 409 (not-started, ended, ...)"),
    RATE_LIMITED("rate-limited (429)"),
    UNAVAILABLE("unavailable (503)"),
    ERROR("errors (other status, I/O, timeout)");

    /** The refusals the contract foresees: every 409 and the 429. */
    public static final Set<PurchaseOutcome> REJECTED = EnumSet.of(SOLD_OUT, ALREADY_BOUGHT, OTHER_CONFLICT, RATE_LIMITED);

    private final String label;

    PurchaseOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

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
