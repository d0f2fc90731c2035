package io.txlab.tools.soak;

import static io.txlab.contracts.fault.FaultPoint.AFTER_DB_COMMIT;
import static io.txlab.contracts.fault.FaultPoint.AFTER_LOCAL_COMMIT;
import static io.txlab.contracts.fault.FaultPoint.BETWEEN_COMMIT_AND_SEND;
import static io.txlab.contracts.fault.FaultPoint.CHECK_BACK;
import static io.txlab.contracts.fault.FaultPoint.IN_LOCAL_TX;
import static io.txlab.contracts.fault.FaultPoint.OUTBOX_RELAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.txlab.contracts.fault.FaultAction;

/**
 * The seeded random schedule of a soak: the same seed, kinds and fault points give the same faults in the same
 * order with the same choices. How many of them a run gets through depends on how fast the platform recovers.
 */
final class FaultPlan {

    /** Suffixes of points the soak's load never passes (the dual-write and outbox ways are not in it). */
    private static final Set<String> NOT_PASSED_UNDER_SOAK = Set.of(BETWEEN_COMMIT_AND_SEND.suffix(),
            OUTBOX_RELAY.suffix());
    /** Where a point may answer the broker UNKNOWN, and where the end-transaction can be dropped. */
    private static final Set<String> ANSWERS_BROKER = Set.of(IN_LOCAL_TX.suffix(), AFTER_LOCAL_COMMIT.suffix(),
            CHECK_BACK.suffix());
    private static final String DROPS_END_TRANSACTION = AFTER_LOCAL_COMMIT.suffix();
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
                yield new PlannedFault(number, kind, participant + "-service", AFTER_DB_COMMIT.nameIn(participant),
                        FaultAction.crash(), 0, gap);
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
        return new PlannedFault(number, kind, service, "", null, random.nextInt(6), gap);
    }

    private PlannedFault outage(FaultKind kind, String part, int hold, int gap) {
        return new PlannedFault(number, kind, part, "", null, hold, gap);
    }

    private PlannedFault faultPoint(int gap) {
        List<String> services = List.copyOf(new TreeSet<>(pointsByService.keySet()));
        String service = services.get(random.nextInt(services.size()));
        List<String> points = pointsByService.get(service).stream()
                .filter(point -> !NOT_PASSED_UNDER_SOAK.contains(suffix(point)))
                .sorted().toList();
        String point = points.get(random.nextInt(points.size()));
        List<FaultAction.Kind> actions = new ArrayList<>(List.of(FaultAction.Kind.CRASH, FaultAction.Kind.THROW,
                FaultAction.Kind.DELAY));
        if (ANSWERS_BROKER.contains(suffix(point))) {
            actions.add(FaultAction.Kind.UNKNOWN);
        }
        if (suffix(point).equals(DROPS_END_TRANSACTION)) {
            actions.add(FaultAction.Kind.DROP_END_TRANSACTION);
        }
        FaultAction.Kind action = actions.get(random.nextInt(actions.size()));
        int times = switch (action) {
            case CRASH -> 1;
            case DELAY -> FaultAction.ALWAYS;
            default -> 1 + random.nextInt(10);
        };
        Duration delay = action == FaultAction.Kind.DELAY ? Duration.ofMillis(200 + random.nextInt(1800)) : null;
        return new PlannedFault(number, FaultKind.FAULT_POINT, service + "-service", point,
                new FaultAction(action, times, delay), 3 + random.nextInt(10), gap);
    }

    private static String suffix(String point) {
        return point.substring(point.indexOf('.') + 1);
    }
}
