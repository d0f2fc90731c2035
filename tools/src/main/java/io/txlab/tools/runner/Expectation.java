package io.txlab.tools.runner;

/**
 * One thing a scenario said it would see, and whether it did.
 *
 * @param kind {@link Kind#FAULT_OBSERVED} for the evidence that the injected fault really happened (the
 *             process exited at its fault point, Redis answered nothing): without it a pass proves nothing
 */
record Expectation(Kind kind, String what, boolean held) {

    enum Kind { OUTCOME, FAULT_OBSERVED }

    /** How the verdict names it when it did not hold. */
    String failure() {
        return kind == Kind.FAULT_OBSERVED ? "fault not observed: " + what : what;
    }
}
