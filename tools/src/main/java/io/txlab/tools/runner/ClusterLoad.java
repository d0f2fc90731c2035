package io.txlab.tools.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.concurrent.DaemonThreads;
import io.txlab.tools.soak.OrderLoad;

/**
 * A cluster scenario's orders in the background: the soak's open-model {@link OrderLoad} at
 * {@link ClusterScenarios#RATE}, round the order-service instances given, each order retried with its request id
 * for up to a minute as a careful client would; and the per-second figures the scenario reports.
 */
final class ClusterLoad {

    private static final Duration RETRY_BUDGET = Duration.ofSeconds(60);
    /** A second "recovered" once as many orders are accepted in it as this share of the rate, and in the next. */
    private static final double RECOVERED = 0.9;

    /** What the load saw; seconds count from its start. */
    record Figures(OrderLoad.Totals totals, long[] acceptedPerSecond, Map<String, Long> failedAttempts,
                   List<OrderLoad.Acceptance> acceptances, double rate) {

        long acceptedBetween(long fromSecond, long toSecond) {
            return LongStream.range(Math.max(fromSecond, 0), Math.min(toSecond, acceptedPerSecond.length))
                    .map(second -> acceptedPerSecond[(int) second]).sum();
        }

        /** The totals, the orders accepted each second (an outage's seconds between bars), the dip and the recovery. */
        List<String> report(long outageSecond, long backSecond) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("load: %d orders offered at %.0f/s, %d accepted, %d retried (failed attempts %s), "
                    + "%d given up", totals.offered(), rate, totals.accepted(), totals.retriedOrders(),
                    failedAttempts.isEmpty() ? "none" : failedAttempts, totals.gaveUp()));
            StringBuilder perSecond = new StringBuilder("load: orders accepted per second:");
            for (int second = 0; second < acceptedPerSecond.length; second++) {
                if (second == outageSecond || second == backSecond) {
                    perSecond.append(" |");
                }
                perSecond.append(' ').append(acceptedPerSecond[second]);
            }
            lines.add(perSecond.toString());
            if (outageSecond >= 0) {
                lines.add(dipAndRecovery(outageSecond, backSecond));
                lines.add("load: time to acceptance (retries included) before the outage " + latency(0, outageSecond)
                        + "; during it " + latency(outageSecond, backSecond + 1) + "; after it "
                        + latency(backSecond + 1, Long.MAX_VALUE));
            } else {
                lines.add("load: time to acceptance (retries included) " + latency(0, Long.MAX_VALUE));
            }
            return lines;
        }

        /** p50, p99 and max of the orders accepted in [fromSecond, toSecond). */
        String latency(long fromSecond, long toSecond) {
            long[] millis = acceptances.stream().filter(a -> a.second() >= fromSecond && a.second() < toSecond)
                    .mapToLong(OrderLoad.Acceptance::millis).sorted().toArray();
            if (millis.length == 0) {
                return "(no order accepted)";
            }
            return String.format("p50 %d ms, p99 %d ms, max %d ms (%d orders)", millis[(millis.length - 1) / 2],
                    millis[(int) Math.ceil(millis.length * 0.99) - 1], millis[millis.length - 1], millis.length);
        }

        private String dipAndRecovery(long outageSecond, long backSecond) {
            long lowest = LongStream.rangeClosed(outageSecond, Math.min(backSecond, acceptedPerSecond.length - 1))
                    .map(second -> acceptedPerSecond[(int) second]).min().orElse(0);
            String dip = String.format("load: the dip: %d orders accepted in the lowest second of the outage "
                    + "(offered %.0f/s); ", lowest, rate);
            int percent = (int) (RECOVERED * 100);
            if (lowest >= RECOVERED * rate) {
                return dip + "no second fell below " + percent + " %";
            }
            long recovered = recoveredAt(outageSecond);
            return dip + (recovered < 0 ? "never back to " + percent + " % of the rate"
                    : "back to " + percent + " % of the rate " + (recovered - outageSecond) + " s after the broker stopped");
        }

        private long recoveredAt(long fromSecond) {
            long threshold = (long) Math.ceil(RECOVERED * rate);
            boolean dipped = false;
            for (long second = fromSecond; second + 1 < acceptedPerSecond.length; second++) {
                boolean high = acceptedPerSecond[(int) second] >= threshold && acceptedPerSecond[(int) second + 1] >= threshold;
                dipped |= acceptedPerSecond[(int) second] < threshold;
                if (dipped && high) {
                    return second;
                }
            }
            return -1;
        }
    }

    private final ScenarioRun run;
    private final OrderLoad load;
    private final long startNanos;
    private final Instant startedAt;
    private final CompletableFuture<Void> sending;

    private ClusterLoad(ScenarioRun run, List<PlatformClient> instances, Duration length) {
        this.run = run;
        this.load = new OrderLoad(instances, ClusterScenarios.RATE, RETRY_BUDGET);
        this.startNanos = System.nanoTime();
        this.startedAt = Instant.now();
        this.sending = CompletableFuture.runAsync(() -> load.run(length, startNanos),
                command -> DaemonThreads.named("cluster-load").newThread(command).start());
    }

    static ClusterLoad start(ScenarioRun run, List<PlatformClient> instances, Duration length) {
        run.say(String.format("load: %.0f orders/s for %d s through %d order-service instance%s, each order retried "
                        + "with its request id for up to %d s", ClusterScenarios.RATE, length.toSeconds(), instances.size(),
                instances.size() == 1 ? "" : "s", RETRY_BUDGET.toSeconds()));
        return new ClusterLoad(run, instances, length);
    }

    /** Seconds since the load started. */
    long second() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Lets the load run on until its {@code second}. */
    void awaitSecond(long second) {
        run.await(Duration.ofSeconds(Math.max(second - second(), 0) + 5), () -> second() >= second);
    }

    /** Waits until the last order has left and every order is accepted or given up. */
    Figures finish() {
        sending.join();
        load.awaitResolved(RETRY_BUDGET);
        return new Figures(load.totals(), load.acceptedPerSecond(), load.failedAttemptsBy(), load.acceptances(),
                ClusterScenarios.RATE);
    }

    List<String> acceptedIds() {
        return load.acceptedIds();
    }

    /** The accepted orders' statuses once all are final (or the bound passed), counted by status. */
    Map<String, Long> awaitFinal(Duration bound) {
        Map<String, Long> counts = new TreeMap<>();
        List<String> open = new ArrayList<>(load.acceptedIds());
        run.await(bound, () -> {
            open.removeIf(orderId -> {
                String status = run.api().orderStatus(orderId);
                if (ProducerScenarios.FINAL.contains(status)) {
                    counts.merge(status, 1L, Long::sum);
                    return true;
                }
                return false;
            });
            return open.isEmpty();
        });
        if (!open.isEmpty()) {
            counts.put("not final", (long) open.size());
        }
        return counts;
    }
}
