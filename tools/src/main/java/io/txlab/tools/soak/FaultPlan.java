package io.txlab.tools.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seeded random schedule of a soak: the same seed, kinds and fault points give the same faults in the same
 * order with the same choices. How many of them a run gets through depends on how fast the platform recovers.
 */
final class FaultPlan {

    /** Suffixes of points the soak's load never passes (the dual-write and outbox ways are not in it). */
    private static final Set<String> NOT_PASSED_UNDER_SOAK = Set.of("between-commit-and-send", "outbox-relay");
    /** Where a point may answer the broker UNKNOWN, and where the end-transaction can be dropped. */
    private static final Set<String> ANSWERS_BROKER = Set.of("in-local-tx", "after-local-commit", "check-back");
    private static final String DROPS_END_TRANSACTION = "after-local-commit";
    private static final List<String> PARTICIPANTS = List.of("inventory", "payment");

    private final Random random;
    private final List<FaultKind> weighted = new ArrayList<>();
    private final Map<String, List<String>> pointsByService;
    private int number;

    /** @param pointsByService each service's fault points (order, inventory, payment), as its admin API lists them */
    FaultPlan(long seed, Set<FaultKind> kinds, Map<String, List<String>> pointsByService) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no fault kinds");
        }
        this.random = new Random(seed);
        this.pointsByService = pointsByService;
        for (FaultKind kind : kinds) {
            for (int i = 0; i < kind.weight(); i++) {
                weighted.add(kind);
            }
        }
    }

    PlannedFault next() {
        number++;
        FaultKind kind = weighted.get(random.nextInt(weighted.size()));
        int gap = random.nextInt(4);
        return switch (kind) {
            case KILL_ORDER -> kill(kind, "order-service", gap);
            case KILL_INVENTORY -> kill(kind, "inventory-service", gap);
            case KILL_PAYMENT -> kill(kind, "payment-service", gap);
            case KILL_MID_BATCH -> {
                String participant = PARTICIPANTS.get(random.nextInt(PARTICIPANTS.size()));
                yield new PlannedFault(number, kind, participant + "-service", participant + ".after-db-commit", "crash",
                        1, 0, 0, gap);
            }
            case BROKER_RESTART -> outage(kind, "broker", 2 + random.nextInt(9), gap);
            case DATABASE_RESTART -> outage(kind, "database", 2 + random.nextInt(9), gap);
            case REDIS_PAUSE -> outage(kind, "redis", 2 + random.nextInt(7), gap);
            case REDIS_RESTART -> outage(kind, "redis", 0, gap);
            case SECOND_ORDER_INSTANCE -> outage(kind, "order-service-2", 15 + random.nextInt(26), gap);
            case FAULT_POINT -> faultPoint(gap);
        };
    }

    private PlannedFault kill(FaultKind kind, String service, int gap) {
        return new PlannedFault(number, kind, service, "", "", 0, 0, random.nextInt(6), gap);
    }

    private PlannedFault outage(FaultKind kind, String part, int hold, int gap) {
        return new PlannedFault(number, kind, part, "", "", 0, 0, hold, gap);
    }

    private PlannedFault faultPoint(int gap) {
        List<String> services = List.copyOf(new TreeSet<>(pointsByService.keySet()));
        String service = services.get(random.nextInt(services.size()));
        List<String> points = pointsByService.get(service).stream()
                .filter(point -> !NOT_PASSED_UNDER_SOAK.contains(suffix(point)))
                .sorted().toList();
        String point = points.get(random.nextInt(points.size()));
        List<String> actions = new ArrayList<>(List.of("crash", "throw", "delay"));
        if (ANSWERS_BROKER.contains(suffix(point))) {
            actions.add("unknown");
        }
        if (suffix(point).equals(DROPS_END_TRANSACTION)) {
            actions.add("drop-end-transaction");
        }
        String action = actions.get(random.nextInt(actions.size()));
        int times = switch (action) {
            case "crash" -> 1;
            case "delay" -> 0;
            default -> 1 + random.nextInt(10);
        };
        long delayMs = action.equals("delay") ? 200 + random.nextInt(1800) : 0;
        return new PlannedFault(number, FaultKind.FAULT_POINT, service + "-service", point, action, times, delayMs,
                3 + random.nextInt(10), gap);
    }

    private static String suffix(String point) {
        return point.substring(point.indexOf('.') + 1);
    }
}
