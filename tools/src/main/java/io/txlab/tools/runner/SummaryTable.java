package io.txlab.tools.runner;

import java.util.ArrayList;
import java.util.List;

/** The table `scripts/scenario.sh all` ends with. */
final class SummaryTable {

    private SummaryTable() {
    }

    static List<String> lines(List<ScenarioRunner.Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(String.format("%-28s %-6s %9s  %s", "scenario", "result", "seconds", "what failed"));
        double total = 0;
        for (ScenarioRunner.Result result : results) {
            total += result.took().toMillis() / 1000.0;
            lines.add(String.format("%-28s %-6s %9s  %s", result.name(), result.passed() ? "PASS" : "FAIL",
                    ScenarioRunner.seconds(result.took()), String.join("; ", result.failures())));
        }
        long passed = results.stream().filter(ScenarioRunner.Result::passed).count();
        lines.add(String.format("%d of %d passed in %.1f s", passed, results.size(), total));
        return lines;
    }
}
