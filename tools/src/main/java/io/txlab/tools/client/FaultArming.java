package io.txlab.tools.client;

import java.util.Locale;

import io.txlab.contracts.fault.FaultAction;

/**
 * The body of {@code POST /admin/faults} for a fault point and its action, as the services' admin endpoint reads
 * it: the action by its lower-case name (drop-end-transaction), {@code times} unless it fires always,
 * {@code delayMs} for a delay.
 */
public final class FaultArming {

    private FaultArming() {
    }

    public static String body(String point, FaultAction action) {
        return "{\"point\":\"" + point + "\",\"action\":\"" + name(action.kind()) + "\""
                + (action.times() == FaultAction.ALWAYS ? "" : ",\"times\":" + action.times())
                + (action.kind() == FaultAction.Kind.DELAY ? ",\"delayMs\":" + action.delay().toMillis() : "") + "}";
    }

    /** crash, throw, delay, unknown or drop-end-transaction. */
    public static String name(FaultAction.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "crash", "throw x3", "delay 500 ms", "delay 500 ms x2". */
    public static String describe(FaultAction action) {
        String what = action.kind() == FaultAction.Kind.DELAY ? "delay " + action.delay().toMillis() + " ms"
                : name(action.kind());
        return what + (action.times() > 1 && action.times() != FaultAction.ALWAYS ? " x" + action.times() : "");
    }
}
