package io.txlab.tools.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.txlab.tools.bench.LatencySummary;

/**
 * Everything a soak found, written as JSON and Markdown. It passes when no order was lost, every fault was
 * recovered from, and the checker found every invariant holding.
 *
 * @param lostOrders accepted (2xx) orders missing from the database or not final after settling, and accepted
 *                   flash purchases that did not become final orders
 */
record SoakReport(Settings settings, String startedAt, double loadSeconds, Orders orders, List<Sale> flashSales,
                  Map<String, Long> faultsByKind, List<Fault> faults, Recovery recovery, LatencySummary timeToFinal,
                  long lostOrders, List<String> lostOrderIds, Checker checker, List<String> notes,
                  List<String> violations) {

    record Settings(long seed, double minutes, double rate, String faults, long flashEverySeconds,
                    long settleSeconds) {
    }

    /**
     * @param gaveUp  orders whose every attempt was answered 5xx, 429 or not at all within the retry budget: the
     *                client was never told they were accepted, so none of them can be lost
     * @param refused orders answered with a 4xx (other than 429): none is expected
     */
    record Orders(long offered, long accepted, long confirmed, long cancelled, Map<String, Long> cancelledByReason,
                  long retriedOrders, long attempts, long gaveUp, Map<String, Long> gaveUpBy, long refused,
                  Map<String, Long> refusedBy, long probeOrders, double settledAfterSeconds) {
    }

    /** One flash sale: purchases by answer, and its orders once settled. */
    record Sale(String saleId, int units, Map<String, Long> purchases, long accepted, int confirmed, int cancelled,
                boolean settled, long lost) {
    }

    record Fault(int number, String kind, String description, double startedAtSecond, double liftedAtSecond,
                 double recoverySeconds, List<String> restarted, String note) {

        static Fault of(FaultRecord record) {
            return new Fault(record.fault().number(), record.fault().kind().cliName(), record.fault().describe(),
                    round(record.startedAtSecond()), round(record.liftedAtSecond()), round(record.recoverySeconds()),
                    record.restarted(), record.note());
        }
    }

    /** Recovery times of the faults recovered from, in seconds; {@code notRecovered} counts the others. */
    record Recovery(long recovered, long notRecovered, double p50Seconds, double p99Seconds, double maxSeconds) {
    }

    record Checker(boolean passed, List<String> lines) {
    }

    boolean passed() {
        return violations.isEmpty();
    }

    static List<String> violations(long lost, Recovery recovery, Checker checker) {
        List<String> violations = new ArrayList<>();
        if (lost > 0) {
            violations.add(lost + " lost order(s)");
        }
        if (recovery.notRecovered() > 0) {
            violations.add(recovery.notRecovered() + " fault(s) the platform did not recover from in time");
        }
        if (!checker.passed()) {
            violations.add("the consistency checker found a violated invariant");
        }
        return violations;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
