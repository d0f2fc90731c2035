package io.txlab.contracts.time;

import java.time.Instant;

/**
 * The instants a TIMESTAMP column holds on every database TxLab runs on (MySQL 8.4, MariaDB 11.4): the
 * tables keep their times in such columns, so an instant a client sends outside this range is refused as
 * input, not left to fail (or be clamped) in the database. A contract, not a database detail: every service
 * refuses the same instants, and a domain rule (a flash sale's window) can say so without reaching past
 * contracts.
 */
public final class TimestampRange {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:01Z");
    public static final Instant LATEST = Instant.parse("2038-01-19T03:14:07Z");

    private TimestampRange() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** For an error message: "between 1970-01-01T00:00:01Z and 2038-01-19T03:14:07Z". */
    public static String describe() {
        return "between " + EARLIEST + " and " + LATEST;
    }
}
