package io.txlab.scenarios.check;

import java.util.List;

/**
 * One invariant's verdict.
 *
 * @param checked    how many orders, products or accounts it looked at
 * @param offenders  the first offending ids, each with what is wrong (at most {@link #MAX_OFFENDERS})
 */
public record InvariantResult(String name, String description, Status status, long checked, long violations,
                              List<String> offenders) {

    public enum Status { PASS, FAIL, SKIP }

    static final int MAX_OFFENDERS = 5;

    static InvariantResult of(String name, String description, long checked, List<String> violations) {
        return new InvariantResult(name, description, violations.isEmpty() ? Status.PASS : Status.FAIL, checked,
                violations.size(), violations.stream().limit(MAX_OFFENDERS).toList());
    }

    static InvariantResult skipped(String name, String description, String why) {
        return new InvariantResult(name, description, Status.SKIP, 0, 0, List.of(why));
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
