package io.txlab.tools.runner;

/** A scenario given by its name, its one-line description and its body. */
record SimpleScenario(String name, String description, Body body) implements Scenario {

    @FunctionalInterface
    interface Body {
        void run(ScenarioRun run) throws Exception;
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        body.run(run);
    }
}
