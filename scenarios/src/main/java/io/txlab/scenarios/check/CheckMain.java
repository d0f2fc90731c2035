package io.txlab.scenarios.check;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code scripts/check.sh [--wait SECONDS] [--deadline SECONDS]}: checks the invariants on a running (or
 * stopped) platform's database. Exit 0: every invariant holds; 1: a violation; 2: bad usage or the
 * database cannot be read. Settings: the services' TXLAB_MYSQL_URL, TXLAB_*_SCHEMA, user and password.
 */
public final class CheckMain {

    static final int PASSED = 0;
    static final int VIOLATED = 1;
    static final int CANNOT_CHECK = 2;
    private static final String USAGE = "usage: scripts/check.sh [--wait SECONDS (default 30)] "
            + "[--deadline SECONDS: the sweeper's pending deadline (default 90)] "
            + "[--since ISO-INSTANT: check only orders created since then for a lost event (default: all)]";

    private CheckMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Duration wait = Duration.ofSeconds(30);
        Duration deadline = Duration.ofSeconds(90);
        Instant since = Instant.EPOCH;
        try {
            for (int i = 0; i < args.length; i += 2) {
                switch (args[i]) {
                    case "--wait" -> wait = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                    case "--deadline" -> deadline = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                    case "--since" -> since = Instant.parse(args[i + 1]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(USAGE);
            return CANNOT_CHECK;
        }
        CheckTarget target = CheckTarget.fromEnvironment(System.getenv());
        try {
            ConsistencyChecker.Report report = new ConsistencyChecker(target, deadline, since).check(Instant.now(), wait);
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
