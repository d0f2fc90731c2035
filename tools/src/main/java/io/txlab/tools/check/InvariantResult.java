package io.txlab.tools.check;

import java.util.List;

/**
 * One invariant's verdict. An invariant that looked at nothing has proved nothing: it is SKIP with the reason,
 * never PASS, and FAIL when the caller expected data ({@link #expected()}).
 *
 * @param checked    how many orders, products or accounts it looked at
 * @param offenders  the first offending ids, each with what is wrong (at most {@link #MAX_OFFENDERS}); for a
 *                   SKIP, why nothing was checked
 */
public record InvariantResult(String name, String description, Status status, long checked, long violations,
                              List<String> offenders) {

    public enum Status { PASS, FAIL, SKIP }

    static final int MAX_OFFENDERS = 5;

    /** @param ifNoneChecked why nothing was checked, when {@code checked} is 0 */
    static InvariantResult of(String name, String description, long checked, List<String> violations,
                              String ifNoneChecked) {
        if (checked == 0 && violations.isEmpty()) {
            return skipped(name, description, ifNoneChecked);
        }
        return new InvariantResult(name, description, violations.isEmpty() ? Status.PASS : Status.FAIL, checked,
                violations.size(), violations.stream().limit(MAX_OFFENDERS).toList());
    }

    static InvariantResult skipped(String name, String description, String why) {
        return new InvariantResult(name, description, Status.SKIP, 0, 0, List.of(why));
    }

    /** The caller expected this invariant to check something: a SKIP becomes a FAIL that says why. */
    InvariantResult expected() {
        if (status != Status.SKIP) {
            return this;
        }
        return new InvariantResult(name, description, Status.FAIL, 0, 1,
                List.of("nothing checked, but data was expected: " + String.join("; ", offenders)));
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
