package io.txlab.support.fault;

import io.txlab.contracts.fault.FaultAction;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of named fault points (for example {@code order.before-local-tx}). Code calls
 * {@link #pass(String)} or {@link #answersUnknown(String)} at a point; nothing happens unless a fault
 * was armed there, and faults can only be armed when the registry is enabled.
 */
public final class FaultPoints {

    private static final Logger log = LoggerFactory.getLogger(FaultPoints.class);

    private final boolean enabled;
    private final Map<String, FaultAction> armed = new ConcurrentHashMap<>();

    public FaultPoints(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void arm(String point, FaultAction action) {
        if (!enabled) {
            throw new IllegalStateException("fault points are off: start the service with the chaos profile");
        }
        armed.put(point, action);
        log.warn("fault armed point={} action={}", point, action);
    }

    public void disarm(String point) {
        armed.remove(point);
    }

    public void disarmAll() {
        armed.clear();
    }

    public Map<String, FaultAction> armed() {
        return new TreeMap<>(armed);
    }

    /** Passes a point: crashes, throws or sleeps if such a fault is armed here. */
    public void pass(String point) {
        Optional<FaultAction> fired = fire(point, FaultAction.Kind.CRASH, FaultAction.Kind.THROW, FaultAction.Kind.DELAY);
        if (fired.isEmpty()) {
            return;
        }
        FaultAction action = fired.get();
        switch (action.kind()) {
            case CRASH -> {
                log.error("fault point={} halting the JVM now", point);
                Runtime.getRuntime().halt(137);
            }
            case THROW -> throw new InjectedFault(point);
            case DELAY -> sleep(action);
            default -> throw new IllegalStateException("unexpected " + action.kind());
        }
    }

    /** True (and counted) when an UNKNOWN fault is armed at this point. */
    public boolean answersUnknown(String point) {
        return fire(point, FaultAction.Kind.UNKNOWN).isPresent();
    }

    /** True (and counted) when a DROP_END_TRANSACTION fault is armed at this point. */
    public boolean dropsEndTransaction(String point) {
        return fire(point, FaultAction.Kind.DROP_END_TRANSACTION).isPresent();
    }

    private Optional<FaultAction> fire(String point, FaultAction.Kind... kinds) {
        FaultAction[] firedAction = new FaultAction[1];
        armed.computeIfPresent(point, (key, action) -> {
            if (!java.util.List.of(kinds).contains(action.kind())) {
                return action;
            }
            firedAction[0] = action;
            return action.times() == 1 ? null : action.fired();
        });
        if (firedAction[0] != null) {
            log.warn("fault fired point={} action={}", point, firedAction[0].kind());
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
