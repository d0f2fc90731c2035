package io.txlab.support.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.txlab.contracts.fault.FaultAction;

/**
 * The body of {@code POST /admin/faults}.
 *
 * @param action  crash, throw, delay, unknown or drop-end-transaction
 * @param times   how many passes it fires for (default 1; "always" when omitted for delay)
 * @param delayMs for delay: how long to sleep
 */
public record ArmFaultRequest(String point, String action, Integer times, Long delayMs) {

    static final long MAX_DELAY_MS = 600_000;

    /** @param errors collects what is wrong, for one 400 answer that lists everything */
    FaultAction toAction(List<String> errors) {
        FaultAction.Kind kind = kind(errors);
        if (times != null && times < 1) {
            errors.add("times must be at least 1");
        }
        if (kind == FaultAction.Kind.DELAY && (delayMs == null || delayMs < 1 || delayMs > MAX_DELAY_MS)) {
            errors.add("delay needs delayMs between 1 and " + MAX_DELAY_MS);
        }
        if (kind != FaultAction.Kind.DELAY && delayMs != null) {
            errors.add("delayMs is only for the delay action");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        int fires = times != null ? times : kind == FaultAction.Kind.DELAY ? FaultAction.ALWAYS : 1;
        return new FaultAction(kind, fires, kind == FaultAction.Kind.DELAY ? Duration.ofMillis(delayMs) : null);
    }

    private FaultAction.Kind kind(List<String> errors) {
        if (action == null || action.isBlank()) {
            errors.add("action is required: " + actions());
            return null;
        }
        try {
            return FaultAction.Kind.valueOf(action.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add("action must be one of " + actions());
            return null;
        }
    }

    static List<String> actions() {
        List<String> names = new ArrayList<>();
        for (FaultAction.Kind kind : FaultAction.Kind.values()) {
            names.add(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return names;
    }
}
