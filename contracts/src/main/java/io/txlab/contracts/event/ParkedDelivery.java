package io.txlab.contracts.event;

/**
 * How delivery_failure.error records a delivery a service parked, because it can never be handled (unreadable,
 * unknown type, newer version): {@code [parked: REASON] DETAIL}. The services write it; the timeline and the
 * dead-letter tool read it back.
 */
public final class ParkedDelivery {

    public static final String PREFIX = "[parked: ";

    private ParkedDelivery() {
    }

    public static String error(String reason, String detail) {
        return PREFIX + reason + "] " + detail;
    }

    public static boolean isParked(String error) {
        return error.startsWith(PREFIX);
    }

    /** "[parked: unknown type X] DETAIL" → "unknown type X: DETAIL". */
    public static String readable(String error) {
        return error.substring(PREFIX.length()).replaceFirst("] ", ": ");
    }
}
