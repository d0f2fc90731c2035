package io.txlab.tools.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.txlab.tools.bench.Schedule;
import io.txlab.tools.client.KeepAliveHttp;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PublishingWay;
import io.txlab.tools.concurrent.DaemonThreads;

/**
 * The soak's and the cluster scenarios' orders: open model (order i leaves at start + i / rate, whatever the
 * answers do), each retried with its own request id, as a careful client does, while the platform answers 5xx,
 * 429 or nothing, until it is accepted or its retry budget is spent. A retry can only find the order the first
 * attempt placed, never a second. With several order-service instances, attempts go round the instances as a
 * load balancer's would, and a retry goes to the next one.
 */
public final class OrderLoad {

    /** An order accepted in {@code second} of the load, {@code millis} after its first attempt left. */
    public record Acceptance(long second, long millis) {
    }

    /** Counts so far; {@code unresolved} are orders neither accepted nor given up yet. */
    public record Totals(long offered, long accepted, long retriedOrders, long attempts, long gaveUp, long refused,
                  long unresolved) {
    }

    private static final long PRODUCT = 7;
    private static final long FIRST_USER = 100_001;
    private static final int USERS = 49_000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final List<PlatformClient> instances;
    private final double rate;
    private final Duration retryBudget;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("soak-retries"));
    private final ConcurrentLinkedQueue<String> acceptedIds = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> gaveUpBy = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusedBy = new ConcurrentHashMap<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentLinkedQueue<Acceptance> acceptances = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> failedAttemptsBy = new ConcurrentHashMap<>();
    private volatile long started = System.nanoTime();

    OrderLoad(PlatformClient api, double rate, Duration retryBudget) {
        this(List.of(api), rate, retryBudget);
    }

    /** @param instances the order-service instances, each with its own client; attempt i goes to instance i mod n */
    public OrderLoad(List<PlatformClient> instances, double rate, Duration retryBudget) {
        this.instances = List.copyOf(instances);
        this.rate = rate;
        this.retryBudget = retryBudget;
    }

    /**
     * Sends orders on the driver's open-model schedule (order i at start + i / rate) for {@code length}; returns
     * when the last one has left, not when it is answered: an order's retries outlive the schedule, so the
     * driver's OpenLoop, which records one answer per request, does not fit.
     */
    public void run(Duration length, long start) {
        started = start;
        Schedule schedule = new Schedule(List.of(new Schedule.Segment("soak orders", (int) length.toSeconds(), rate,
                rate)));
        for (int i = 0; i < schedule.size(); i++) {
            long due = start + schedule.offsetNanos(i);
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            offered.incrementAndGet();
            attempt(UUID.randomUUID().toString(), FIRST_USER + i % USERS, System.nanoTime(), 1, i);
        }
    }

    /** Waits until every order is accepted or given up, at most {@code limit}; true if all were. */
    public boolean awaitResolved(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (totals().unresolved() > 0 && System.nanoTime() < deadline) {
            Pause.seconds(1);
        }
        DaemonThreads.stop(retries);
        return totals().unresolved() == 0;
    }

    public Totals totals() {
        long resolved = accepted.get() + gaveUp.get() + refused.get();
        return new Totals(offered.get(), accepted.get(), retried.get(), attempts.get(), gaveUp.get(), refused.get(),
                offered.get() - resolved);
    }

    public List<String> acceptedIds() {
        return List.copyOf(acceptedIds);
    }

    Map<String, Long> gaveUpBy() {
        return snapshot(gaveUpBy);
    }

    Map<String, Long> refusedBy() {
        return snapshot(refusedBy);
    }

    /** The attempts that were answered 5xx or 429, or not at all, by kind ("HTTP 503", "timeout", ...). */
    public Map<String, Long> failedAttemptsBy() {
        return snapshot(failedAttemptsBy);
    }

    /** Every accepted order's time to acceptance, retries included. */
    public List<Acceptance> acceptances() {
        return List.copyOf(acceptances);
    }

    /** Orders accepted in each second since the load started, by the time of their acceptance. */
    public long[] acceptedPerSecond() {
        List<Acceptance> all = acceptances();
        long[] counts = new long[(int) all.stream().mapToLong(Acceptance::second).max().orElse(-1) + 1];
        all.forEach(acceptance -> counts[(int) acceptance.second()]++);
        return counts;
    }

    private void attempt(String requestId, long user, long firstSent, int attempt, int order) {
        attempts.incrementAndGet();
        PlatformClient api = instances.get((order + attempt - 1) % instances.size());
        api.placeOrder(PublishingWay.TRANSACTIONAL, requestId, user, PRODUCT, 1).whenComplete((answer, failure) -> {
            if (failure == null && answer.status() / 100 == 2 && !answer.orderId().isEmpty()) {
                acceptedIds.add(answer.orderId());
                accepted.incrementAndGet();
                long now = System.nanoTime();
                long second = Math.max(0, (now - started) / 1_000_000_000L);
                acceptances.add(new Acceptance(second, (now - firstSent) / 1_000_000));
                return;
            }
            String kind = failure != null ? KeepAliveHttp.NoAnswer.kindOf(failure) : "HTTP " + answer.status();
            boolean retryable = failure != null || answer.status() >= 500 || answer.status() == 429;
            if (!retryable) {
                count(refusedBy, kind);
                refused.incrementAndGet();
                return;
            }
            count(failedAttemptsBy, kind);
            Duration backoff = backoff(attempt);
            if (System.nanoTime() + backoff.toNanos() - firstSent > retryBudget.toNanos()) {
                count(gaveUpBy, kind);
                gaveUp.incrementAndGet();
                return;
            }
            if (attempt == 1) {
                retried.incrementAndGet();
            }
            retries.schedule(() -> attempt(requestId, user, firstSent, attempt + 1, order), backoff.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    private static void count(Map<String, AtomicLong> counts, String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((kind, count) -> copy.put(kind, count.get()));
        return copy;
    }
}
