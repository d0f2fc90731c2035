package io.txlab.tools.runner;

/** A named failure the runner can inject and watch the platform converge from. */
public interface Scenario {

    String name();

    /** One line: what is injected and what should happen. */
    String description();

    /** Sets up, injects, drives load and states its own expectations; the runner then checks the invariants. */
    void run(ScenarioRun run) throws Exception;

    /**
     * True for the cluster set ({@code scripts/scenario.sh cluster}), which runs on the devstack's two broker
     * masters; the others run on one broker (broker-restart, for one, expects no other broker to take its orders).
     */
    default boolean needsTwoBrokers() {
        return false;
    }
}
