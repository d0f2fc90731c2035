package io.txlab.tools.soak;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.tools.client.FaultArming;

/**
 * One fault of a soak's schedule, with every random choice already made, so that a seed names the whole schedule.
 *
 * @param service     the service or part it hits (order-service, broker, redis, ...)
 * @param point       the fault point, for {@link FaultKind#FAULT_POINT} and {@link FaultKind#KILL_MID_BATCH}; else empty
 * @param action      what the point does, for those two kinds; else null
 * @param holdSeconds how long the fault lasts before it is lifted
 * @param gapSeconds  how long the platform runs undisturbed before it
 */
record PlannedFault(int number, FaultKind kind, String service, String point, FaultAction action, int holdSeconds,
                    int gapSeconds) {

    String describe() {
        return switch (kind) {
            case FAULT_POINT -> kind.cliName() + " " + point + " " + FaultArming.name(action.kind())
                    + (action.kind() == FaultAction.Kind.DELAY ? " " + action.delay().toMillis() + " ms"
                    : " x" + action.times()) + " for " + holdSeconds + " s";
            case KILL_MID_BATCH -> kind.cliName() + " " + point + " crash";
            case KILL_ORDER, KILL_INVENTORY, KILL_PAYMENT -> kind.cliName() + ", down " + holdSeconds + " s";
            case REDIS_RESTART -> kind.cliName();
            default -> kind.cliName() + " for " + holdSeconds + " s";
        };
    }

    /** The body of POST /admin/faults for this fault's point. */
    String armBody() {
        return FaultArming.body(point, action);
    }
}
