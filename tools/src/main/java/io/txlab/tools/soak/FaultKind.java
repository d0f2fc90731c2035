package io.txlab.tools.soak;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The faults a soak injects, each with its name on the command line and its weight in the random schedule: cheap
 * faults (fault points) come often, those that restart a JVM less often, so that a half-hour run sees over a hundred.
 */
enum FaultKind {
    KILL_ORDER("kill-order", "kill -9 the order service, then start it again", 3),
    KILL_INVENTORY("kill-inventory", "kill -9 the inventory service, then start it again", 3),
    KILL_PAYMENT("kill-payment", "kill -9 the payment service, then start it again", 3),
    KILL_MID_BATCH("kill-mid-batch", "a participant halts after a batch's DB commit, before the broker's ack", 2),
    BROKER_RESTART("broker-restart", "the broker stops, then starts again on its store", 2),
    DATABASE_RESTART("database-restart", "MariaDB stops, then starts again on its data", 2),
    REDIS_PAUSE("redis-pause", "Redis freezes (SIGSTOP), then resumes", 2),
    REDIS_RESTART("redis-restart", "Redis stops and starts again empty: its data is lost", 1),
    FAULT_POINT("fault-point", "a random fault point armed (crash, throw, delay, UNKNOWN, drop end-transaction)", 8),
    SECOND_ORDER_INSTANCE("second-order-instance", "a second order-service instance starts, works, and is killed", 1);

    private final String cliName;
    private final String description;
    private final int weight;

    FaultKind(String cliName, String description, int weight) {
        this.cliName = cliName;
        this.description = description;
        this.weight = weight;
    }

    String cliName() {
        return cliName;
    }

    String description() {
        return description;
    }

    int weight() {
        return weight;
    }

    /** "all", or names separated by commas. */
    static Set<FaultKind> parse(String list) {
        if (list.equals("all")) {
            return new LinkedHashSet<>(Arrays.asList(values()));
        }
        Set<FaultKind> kinds = new LinkedHashSet<>();
        for (String name : list.split(",", -1)) {
            kinds.add(Arrays.stream(values()).filter(kind -> kind.cliName.equals(name.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no fault kind '" + name + "'; known: all, "
                            + names())));
        }
        return kinds;
    }

    static String names() {
        return Arrays.stream(values()).map(FaultKind::cliName).collect(Collectors.joining(", "));
    }
}
