package io.txlab.tools.check;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code scripts/check.sh [--wait SECONDS] [--deadline SECONDS] [--since INSTANT] [--delivery-horizon SECONDS]
 * [--expect NAME,...]}: checks the invariants on a running (or stopped) platform's database. Exit 0: every
 * invariant holds; 1: a violation; 2: bad usage or the database cannot be read. Settings: the services'
 * TXLAB_MYSQL_URL, TXLAB_*_SCHEMA, user and password.
 */
public final class CheckMain {

    static final int PASSED = 0;
    static final int VIOLATED = 1;
    static final int CANNOT_CHECK = 2;
    private static final String USAGE = "usage: scripts/check.sh [--wait SECONDS (default 30)] "
            + "[--deadline SECONDS: the sweeper's pending deadline (default 90)] "
            + "[--since ISO-INSTANT: check only orders created since then for a lost or undelivered event (default: all)] "
            + "[--delivery-horizon SECONDS: how old a PENDING order must be to need its event consumed (default "
            + ConsistencyChecker.DEFAULT_DELIVERY_HORIZON.toSeconds() + ")] "
            + "[--expect NAME,...: invariants that must check something, a SKIP of one fails; names: "
            + String.join(", ", ConsistencyChecker.invariantNames()) + "]";

    private CheckMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static Set<String> expectedInvariants(String names) {
        Set<String> expected = Set.of(names.split(","));
        if (!ConsistencyChecker.invariantNames().containsAll(expected)) {
            throw new IllegalArgumentException(names);
        }
        return expected;
    }

    static int run(String[] args) {
        Duration wait = Duration.ofSeconds(30);
        Duration deadline = Duration.ofSeconds(90);
        Instant since = Instant.EPOCH;
        Duration deliveryHorizon = ConsistencyChecker.DEFAULT_DELIVERY_HORIZON;
        Set<String> expected = Set.of();
        try {
            for (int i = 0; i < args.length; i += 2) {
                switch (args[i]) {
                    case "--wait" -> wait = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                    case "--deadline" -> deadline = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                    case "--since" -> since = Instant.parse(args[i + 1]);
                    case "--delivery-horizon" -> deliveryHorizon = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                    case "--expect" -> expected = expectedInvariants(args[i + 1]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(USAGE);
            return CANNOT_CHECK;
        }
        CheckTarget target = CheckTarget.fromEnvironment(System.getenv());
        try {
            ConsistencyChecker.Report report = new ConsistencyChecker(target, deadline, since, deliveryHorizon, expected)
                    .check(Instant.now(), wait);
            CheckReport.lines(report).forEach(System.out::println);
            return report.passed() ? PASSED : VIOLATED;
        } catch (SQLException e) {
            System.err.println("cannot read the schemas on " + target + ": " + e.getMessage());
            System.err.println("is the platform's database up (scripts/up.sh)? Set TXLAB_MYSQL_URL and the schema "
                    + "variables for another one.");
            return CANNOT_CHECK;
        }
    }
}
