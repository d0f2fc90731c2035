package io.txlab.tools.bench;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.txlab.tools.client.PublishingWay;

/**
 * The settings of {@code scripts/load.sh PROFILE [options]}: {@code --name N} or {@code --name=N}, each at most
 * once, and only the options that the profile uses. {@code rate} is orders/s (constant), the start rate (step-up),
 * the peak (sale), all requests/s, a tenth of them orders (mixed), or orders/s of all three ways together
 * (compare). {@code flash} is compare's flash-sale phase ({@code seconds} 0: none). {@code settleSeconds}: how long
 * to wait, after the run, for its orders to leave PENDING before reading them. {@code rotation}: how compare's
 * orders take turns among the ways (NONE for the other profiles); {@code blockSeconds} the length of a block
 * (0 unless the rotation is BLOCK).
 */
public record BenchOptions(Profile profile, int rate, int durationSeconds, int step, int stepSeconds, int maxRate,
                           int sloMillis, int consistencySloMillis, int rampUpSeconds, int holdSeconds,
                           int rampDownSeconds, int connections, int settleSeconds, FlashPhase flash, Rotation rotation,
                           int blockSeconds) {

    /** Purchases at {@code rate}/s, open model, for {@code seconds}, at a sale of {@code units}. */
    public record FlashPhase(int seconds, int rate, int units) {
    }

    public static final String USAGE = """
            usage: scripts/load.sh constant|step-up|sale|mixed|compare [options]
              all:      [--rate N] [--connections N (default 1024): keep-alive connections at most; a request
                        that finds none free waits for one, and that wait is part of its latency]
                        [--settle-seconds S (default 60): wait up to S for the orders to leave PENDING]
              constant: --rate orders/s (default 100) [--duration S (default 30)]
              step-up:  --rate start (default 50) [--step N (default 50)] [--step-seconds S (default 10)]
                        [--max-rate N (default 500)] [--slo-ms MS (default 1000)] [--consistency-slo-ms MS
                        (default 1000)]; the consistency knee: the last step of the unbroken run from the first
                        where achieved >= 95 % of offered, HTTP p99 < --slo-ms, >= 95 % of the step's orders
                        CONFIRMED or CANCELLED, and their time to consistency p99 < --consistency-slo-ms
              sale:     --rate peak orders/s (default 100) [--ramp-up S (default 10)] [--hold S (default 20)]
                        [--ramp-down S (default 10)]
              mixed:    --rate requests/s, 10 % orders (default 100) [--duration S (default 30)]
              compare:  --rate orders/s, the ways in turn (default 150) [--duration S (default 30)]
                        [--rotation block|request (default block)]: block: the way changes every
                        [--block-seconds S (default 10, at least 2)] of send time (transactional, outbox, dual
                        write, transactional, ...; --duration at least 3 blocks), so each way's CPU per order is
                        measured; request: consecutive orders take turns (no CPU per way)
                        [--flash-seconds S (default 10, 0: no flash phase)] [--flash-rate purchases/s (default 400)]
                        [--flash-units N (default 500)]
              orders:   1 unit of product 7 from users 100001..150000 in turn""";

    private static final String ROTATION = "--rotation";
    private static final Set<Profile> ALL = EnumSet.allOf(Profile.class);
    private static final List<Option> OPTIONS = List.of(
            new Option("--rate", -1, 1, 100_000, ALL),
            new Option("--duration", 30, 1, 86_400, EnumSet.of(Profile.CONSTANT, Profile.MIXED, Profile.COMPARE)),
            new Option("--step", 50, 1, 100_000, EnumSet.of(Profile.STEP_UP)),
            new Option("--step-seconds", 10, 1, 3_600, EnumSet.of(Profile.STEP_UP)),
            new Option("--max-rate", 500, 1, 100_000, EnumSet.of(Profile.STEP_UP)),
            new Option("--slo-ms", 1000, 1, 600_000, EnumSet.of(Profile.STEP_UP)),
            new Option("--consistency-slo-ms", 1000, 1, 600_000, EnumSet.of(Profile.STEP_UP)),
            new Option("--ramp-up", 10, 1, 3_600, EnumSet.of(Profile.SALE)),
            new Option("--hold", 20, 0, 86_400, EnumSet.of(Profile.SALE)),
            new Option("--ramp-down", 10, 1, 3_600, EnumSet.of(Profile.SALE)),
            new Option("--connections", 1024, 1, 16_384, ALL),
            new Option("--settle-seconds", 60, 0, 86_400, ALL),
            new Option("--flash-seconds", 10, 0, 3_600, EnumSet.of(Profile.COMPARE)),
            new Option("--flash-rate", 400, 1, 100_000, EnumSet.of(Profile.COMPARE)),
            new Option("--flash-units", 500, 1, 1_000_000, EnumSet.of(Profile.COMPARE)),
            new Option(ROTATION, 0, 0, 0, EnumSet.of(Profile.COMPARE)),
            new Option("--block-seconds", 10, 2, 3_600, EnumSet.of(Profile.COMPARE)));

    /** {@code --rotation} takes a word, the others a whole number from {@code min} to {@code max}. */
    private record Option(String name, int fallback, int min, int max, Set<Profile> profiles) {

        /** @throws IllegalArgumentException when {@code text} is not a value of this option */
        void check(String text) {
            if (name.equals(ROTATION)) {
                Rotation.of(text);
            } else {
                parse(text);
            }
        }

        int parse(String text) {
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // said below, with the allowed range
            }
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", not '" + text + "'");
        }
    }

    /** @throws IllegalArgumentException with a message for the user, for any unknown, misplaced or bad argument */
    public static BenchOptions parse(String... args) {
        if (args.length == 0 || args[0].isBlank() || args[0].startsWith("--")) {
            throw new IllegalArgumentException("no load profile given; the profiles are " + Profile.names());
        }
        Profile profile = Profile.of(args[0]);
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] nameAndValue = nameAndValue(args, i);
            if (!args[i].contains("=") && nameAndValue[1] != null) {
                i++;
            }
            Option option = option(nameAndValue[0], profile);
            if (nameAndValue[1] == null) {
                throw new IllegalArgumentException(option.name() + " needs a value");
            }
            option.check(nameAndValue[1]);
            if (given.put(option.name(), nameAndValue[1]) != null) {
                throw new IllegalArgumentException(option.name() + " is given twice");
            }
        }
        return of(profile, given);
    }

    private static BenchOptions of(Profile profile, Map<String, String> given) {
        int rate = given.containsKey("--rate") ? value(given, "--rate") : switch (profile) {
            case STEP_UP -> 50;
            case COMPARE -> 150;
            default -> 100;
        };
        Rotation rotation = profile != Profile.COMPARE ? Rotation.NONE
                : Rotation.of(given.getOrDefault(ROTATION, Rotation.BLOCK.cliName()));
        if (rotation == Rotation.REQUEST && given.containsKey("--block-seconds")) {
            throw new IllegalArgumentException("--block-seconds applies only to --rotation block");
        }
        FlashPhase flash = new FlashPhase(profile == Profile.COMPARE ? value(given, "--flash-seconds") : 0,
                value(given, "--flash-rate"), value(given, "--flash-units"));
        BenchOptions options = new BenchOptions(profile, rate, value(given, "--duration"), value(given, "--step"),
                value(given, "--step-seconds"), value(given, "--max-rate"), value(given, "--slo-ms"),
                value(given, "--consistency-slo-ms"), value(given, "--ramp-up"), value(given, "--hold"),
                value(given, "--ramp-down"), value(given, "--connections"), value(given, "--settle-seconds"), flash,
                rotation, rotation == Rotation.BLOCK ? value(given, "--block-seconds") : 0);
        if (profile == Profile.STEP_UP && options.maxRate() < rate) {
            throw new IllegalArgumentException("--max-rate (" + options.maxRate() + ") must not be below --rate ("
                    + rate + ")");
        }
        if (profile == Profile.MIXED && rate < 10) {
            throw new IllegalArgumentException("--rate must be at least 10 for mixed (a tenth of the requests are orders)");
        }
        int ways = PublishingWay.values().length;
        if (profile == Profile.COMPARE && (long) rate * options.durationSeconds() < ways) {
            throw new IllegalArgumentException("compare needs at least " + ways + " orders (--rate x --duration),"
                    + " one for each way: " + PublishingWay.labels());
        }
        if (rotation == Rotation.BLOCK && options.durationSeconds() < ways * options.blockSeconds()) {
            throw new IllegalArgumentException("--rotation block needs --duration of at least " + ways
                    + " x --block-seconds (" + ways * options.blockSeconds() + " s), a block for each way: "
                    + PublishingWay.labels());
        }
        return options;
    }

    /** {name, value}; the value is null when none follows. */
    private static String[] nameAndValue(String[] args, int i) {
        String arg = args[i];
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 0) {
            return new String[] {arg.substring(0, equals), arg.substring(equals + 1)};
        }
        if (!arg.startsWith("--")) {
            throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --)");
        }
        boolean valueFollows = i + 1 < args.length && !args[i + 1].startsWith("--");
        return new String[] {arg, valueFollows ? args[i + 1] : null};
    }

    private static Option option(String name, Profile profile) {
        if (name.equals("--workers")) {
            throw new IllegalArgumentException("--workers is gone: requests no longer wait for a worker thread;"
                    + " --connections N caps the keep-alive connections instead (default 1024)");
        }
        Option option = OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown option '" + name + "'"));
        if (!option.profiles().contains(profile)) {
            throw new IllegalArgumentException(name + " does not apply to the " + profile.cliName() + " profile");
        }
        return option;
    }

    private static int value(Map<String, String> given, String name) {
        Option option = OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
        return given.containsKey(name) ? option.parse(given.get(name)) : option.fallback();
    }
}
