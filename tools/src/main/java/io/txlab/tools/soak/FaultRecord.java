package io.txlab.tools.soak;

import java.util.List;

/**
 * What became of one injected fault.
 *
 * @param startedAtSecond second of the run it began at
 * @param liftedAtSecond  second of the run it was lifted at (the part back, the point disarmed)
 * @param recoverySeconds from lifting until every service was healthy and a probe order placed then was final;
 *                        negative when that did not happen within the limit
 * @param restarted       services found dead after it (a crash point fired) and started again
 * @param note            what happened that the plan could not say (empty when nothing)
 */
record FaultRecord(PlannedFault fault, double startedAtSecond, double liftedAtSecond, double recoverySeconds,
                   List<String> restarted, String note) {

    boolean recovered() {
        return recoverySeconds >= 0;
    }
}
