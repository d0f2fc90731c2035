package io.txlab.tools.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The soak's settings, from {@code scripts/soak.sh [--minutes N] [--rate R] [--seed S] [--faults LIST]
 * [--flash-every SECONDS] [--settle-seconds S] [--report DIR]}.
 */
record SoakOptions(Duration length, double rate, long seed, Set<FaultKind> faults, Duration flashEvery,
                   Duration settleLimit, Path reportDir) {

    static final String USAGE = """
            usage: scripts/soak.sh [--minutes N (default 3)] [--rate ORDERS_PER_SECOND (default 20)]
                                   [--seed S (default: a random one, printed)] [--faults all|KIND,... (default all)]
                                   [--flash-every SECONDS (default 60; 0: no flash sales)]
                                   [--settle-seconds S (default 300)] [--report DIR (default .run/soak)]
              fault kinds: %s""".formatted(FaultKind.names());

    static SoakOptions parse(String[] args, Path defaultReportDir) {
        double minutes = 3;
        double rate = 20;
        long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        Set<FaultKind> faults = FaultKind.parse("all");
        long flashEvery = 60;
        long settle = 300;
        Path report = defaultReportDir;
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("every option takes a value");
        }
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--minutes" -> minutes = positive(args[i], value, 0.5, 24 * 60);
                case "--rate" -> rate = positive(args[i], value, 1, 1000);
                case "--seed" -> seed = parseLong(args[i], value);
                case "--faults" -> faults = FaultKind.parse(value);
                case "--flash-every" -> flashEvery = (long) positive(args[i], value, 0, 3600);
                case "--settle-seconds" -> settle = (long) positive(args[i], value, 10, 3600);
                case "--report" -> report = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new SoakOptions(Duration.ofSeconds(Math.round(minutes * 60)), rate, seed, faults,
                Duration.ofSeconds(flashEvery), Duration.ofSeconds(settle), report);
    }

    private static double positive(String option, String value, double min, double max) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
        if (!(number >= min && number <= max)) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
        }
        return number;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    String faultNames() {
        return faults.size() == FaultKind.values().length ? "all"
                : String.join(",", faults.stream().map(FaultKind::cliName).toList());
    }
}
