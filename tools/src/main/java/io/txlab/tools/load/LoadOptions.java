package io.txlab.tools.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@code scripts/load.sh flash}: the first argument is the profile (only {@code flash} so far),
 * then {@code --name N} or {@code --name=N} options, each at most once. Buyer {@code b} (0-based) is user
 * {@code 1001 + b}; a buyer's requests are consecutive, so with some concurrency they are in flight together
 * (a double click), which is what tests the one-unit-per-buyer rule.
 */
record LoadOptions(int units, int buyers, int requestsPerBuyer, int concurrency, long productId) {

    static final String PROFILE = "flash";
    static final long FIRST_BUYER = 1001;
    /** Users 1001..3000 have a payment account with enough balance for one unit of any product. */
    static final int MAX_BUYERS = 2000;
    static final String USAGE = "usage: scripts/load.sh flash [--units N (default 100)]"
            + " [--buyers N (default 2000, ids from 1001)] [--requests-per-buyer N (default 2)]"
            + " [--concurrency N (default 32)] [--product ID (default 6)]";

    private static final List<Option> OPTIONS = List.of(
            new Option("--units", 100, 1, 1_000_000, ""),
            new Option("--buyers", MAX_BUYERS, 1, MAX_BUYERS, " (the funded flash buyers are users 1001..3000)"),
            new Option("--requests-per-buyer", 2, 1, 1_000, ""),
            new Option("--concurrency", 32, 1, 1_024, ""),
            new Option("--product", 6, 1, 6, " (products 1..6 exist; 6 is stocked for flash sales)"));

    private record Option(String name, int fallback, int min, int max, String why) {

        int parse(String text) {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            if (value < min || value > max) {
                throw invalid(text);
            }
            return value;
        }

        private IllegalArgumentException invalid(String text) {
            return new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + why
                    + ", not '" + text + "'");
        }
    }

    /** @throws IllegalArgumentException with a message for the user, for any unknown or bad argument */
    static LoadOptions parse(String... args) {
        if (args.length == 0 || args[0].isBlank()) {
            throw new IllegalArgumentException("no load profile given; the only profile is " + PROFILE);
        }
        if (!args[0].equals(PROFILE)) {
            throw new IllegalArgumentException("no load profile '" + args[0] + "'; the only profile is " + PROFILE);
        }
        Map<String, Integer> given = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            Option option = option(name);
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (given.put(option.name(), option.parse(value)) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return new LoadOptions(value(given, 0), value(given, 1), value(given, 2), value(given, 3), value(given, 4));
    }

    int requests() {
        return buyers * requestsPerBuyer;
    }

    /** The user who sends request {@code request} (0-based). */
    long buyer(int request) {
        return FIRST_BUYER + request / requestsPerBuyer;
    }

    long lastBuyer() {
        return FIRST_BUYER + buyers - 1;
    }

    private static Option option(String name) {
        return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown option '" + name + "'"));
    }

    private static int value(Map<String, Integer> given, int index) {
        Option option = OPTIONS.get(index);
        return given.getOrDefault(option.name(), option.fallback());
    }
}
