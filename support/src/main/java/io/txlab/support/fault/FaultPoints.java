package io.txlab.support.fault;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of this service's fault points. Code calls {@link #pass(FaultPoint)} or
 * {@link #answersUnknown(FaultPoint)} at a point; nothing happens unless a fault was armed there, and faults can
 * only be armed when the registry is enabled. Points are named as the admin API and the logs spell them, with
 * this service's name ({@code order.before-local-tx}).
 */
public final class FaultPoints {

    private static final Logger log = LoggerFactory.getLogger(FaultPoints.class);

    private final String service;
    private final boolean enabled;
    private final Map<FaultPoint, FaultAction> armed = new ConcurrentHashMap<>();

    public FaultPoints(String service, boolean enabled) {
        this.service = service;
        this.enabled = enabled;
    }

    public String service() {
        return service;
    }

    public boolean enabled() {
        return enabled;
    }

    /** @throws IllegalArgumentException when this service never passes the point */
    public void arm(FaultPoint point, FaultAction action) {
        if (!enabled) {
            throw new IllegalStateException("fault points are off: start the service with the chaos profile");
        }
        if (!point.passedBy(service)) {
            throw new IllegalArgumentException(service + " never passes " + point.nameIn(service));
        }
        armed.put(point, action);
        log.warn("fault armed point={} action={}", point.nameIn(service), action);
    }

    public void disarm(FaultPoint point) {
        armed.remove(point);
    }

    public void disarmAll() {
        armed.clear();
    }

    /** The armed faults by point name. */
    public Map<String, FaultAction> armed() {
        Map<String, FaultAction> byName = new TreeMap<>();
        armed.forEach((point, action) -> byName.put(point.nameIn(service), action));
        return byName;
    }

    /** Passes a point: crashes, throws or sleeps if such a fault is armed here. */
    public void pass(FaultPoint point) {
        Optional<FaultAction> fired = fire(point, FaultAction.Kind.CRASH, FaultAction.Kind.THROW, FaultAction.Kind.DELAY);
        if (fired.isEmpty()) {
            return;
        }
        FaultAction action = fired.get();
        switch (action.kind()) {
            case CRASH -> {
                log.error("fault point={} halting the JVM now", point.nameIn(service));
                Runtime.getRuntime().halt(137);
            }
            case THROW -> throw new InjectedFault(point.nameIn(service));
            case DELAY -> sleep(action);
            default -> throw new IllegalStateException("unexpected " + action.kind());
        }
    }

    /** True (and counted) when an UNKNOWN fault is armed at this point. */
    public boolean answersUnknown(FaultPoint point) {
        return fire(point, FaultAction.Kind.UNKNOWN).isPresent();
    }

    /** True (and counted) when a DROP_END_TRANSACTION fault is armed at this point. */
    public boolean dropsEndTransaction(FaultPoint point) {
        return fire(point, FaultAction.Kind.DROP_END_TRANSACTION).isPresent();
    }

    private Optional<FaultAction> fire(FaultPoint point, FaultAction.Kind... kinds) {
        FaultAction[] firedAction = new FaultAction[1];
        armed.computeIfPresent(point, (key, action) -> {
            if (!List.of(kinds).contains(action.kind())) {
                return action;
            }
            firedAction[0] = action;
            return action.times() == 1 ? null : action.fired();
        });
        if (firedAction[0] != null) {
            log.warn("fault fired point={} action={}", point.nameIn(service), firedAction[0].kind());
        }
        return Optional.ofNullable(firedAction[0]);
    }

    private static void sleep(FaultAction action) {
        try {
            Thread.sleep(action.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
