package io.txlab.tools.soak;

/**
 * One fault of a soak's schedule, with every random choice already made, so that a seed names the whole schedule.
 *
 * @param service     the service or part it hits (order-service, broker, redis, ...)
 * @param point       the fault point, for {@link FaultKind#FAULT_POINT} and {@link FaultKind#KILL_MID_BATCH}; else empty
 * @param action      the point's action (crash, throw, delay, unknown, drop-end-transaction); else empty
 * @param times       how many passes the point fires for (0: always, for delay)
 * @param holdSeconds how long the fault lasts before it is lifted
 * @param gapSeconds  how long the platform runs undisturbed before it
 */
record PlannedFault(int number, FaultKind kind, String service, String point, String action, int times, long delayMs,
                    int holdSeconds, int gapSeconds) {

    String describe() {
        return switch (kind) {
            case FAULT_POINT -> kind.cliName() + " " + point + " " + action
                    + (action.equals("delay") ? " " + delayMs + " ms" : " x" + times) + " for " + holdSeconds + " s";
            case KILL_MID_BATCH -> kind.cliName() + " " + point + " crash";
            case KILL_ORDER, KILL_INVENTORY, KILL_PAYMENT -> kind.cliName() + ", down " + holdSeconds + " s";
            case REDIS_RESTART -> kind.cliName();
            default -> kind.cliName() + " for " + holdSeconds + " s";
        };
    }

    /** The body of POST /admin/faults for this fault's point. */
    String armBody() {
        return "{\"point\":\"" + point + "\",\"action\":\"" + action + "\""
                + (action.equals("delay") ? ",\"delayMs\":" + delayMs : ",\"times\":" + times) + "}";
    }
}
