package io.txlab.tools.runner;

/** A scenario given by its name, its one-line description and its body; on one broker unless it says two. */
record SimpleScenario(String name, String description, Body body, boolean needsTwoBrokers) implements Scenario {

    SimpleScenario(String name, String description, Body body) {
        this(name, description, body, false);
    }

    @FunctionalInterface
    interface Body {
        void run(ScenarioRun run) throws Exception;
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        body.run(run);
    }
}
