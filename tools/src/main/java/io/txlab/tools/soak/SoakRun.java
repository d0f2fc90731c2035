package io.txlab.tools.soak;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.txlab.tools.bench.OrderDatabase;
import io.txlab.tools.check.CheckReport;
import io.txlab.tools.check.CheckTarget;
import io.txlab.tools.check.ConsistencyChecker;
import io.txlab.tools.client.FlashSales;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.concurrent.DaemonThreads;
import io.txlab.tools.runner.ServiceProcesses;

/**
 * One soak: order load and flash sales run on their own threads while this one injects the seeded schedule's
 * faults, one after another, until the load's time is up; then every order is let settle, the books are read and
 * the checker judges the invariants.
 */
final class SoakRun {

    /** Where the platform is and how to act on it; {@code load} carries the orders, {@code flash} the sales. */
    record Target(PlatformClient api, PlatformClient load, FlashSales flash, String adminToken, ServiceProcesses processes,
                  OrderDatabase database, CheckTarget checkTarget, Duration pendingDeadline) {
    }

    static final Duration RETRY_BUDGET = Duration.ofSeconds(120);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);
    private static final Duration CHECKER_WAIT = Duration.ofSeconds(120);
    private static final int FLASH_UNITS = 40;
    private static final double FLASH_CLICKS_PER_SECOND = 10;
    private static final Duration FLASH_WINDOW = Duration.ofSeconds(30);
    private static final int LOST_IDS_SHOWN = 50;

    private final Target target;
    private final Consumer<String> out;

    SoakRun(Target target, Consumer<String> out) {
        this.target = target;
        this.out = out;
    }

    SoakReport run(SoakOptions options) throws SQLException {
        FaultPlan plan = new FaultPlan(options.seed(), options.faults(), faultPoints());
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        OrderLoad orders = new OrderLoad(target.load(), options.rate(), RETRY_BUDGET);
        FlashWindows flash = options.flashEvery().isZero() ? null : new FlashWindows(target.flash(),
                options.flashEvery(), FLASH_UNITS, FLASH_CLICKS_PER_SECOND, FLASH_WINDOW, out);
        List<String> probeOrders = new CopyOnWriteArrayList<>();
        FaultInjector injector = new FaultInjector(target.processes(), target.api(), target.adminToken(),
                new RecoveryProbe(target.api(), RECOVERY_LIMIT), probeOrders::add, start,
                start + options.length().toNanos());
        List<FaultRecord> faults = new CopyOnWriteArrayList<>();
        Thread orderThread = startThread("soak-orders", () -> orders.run(options.length(), start));
        Thread flashThread = flash == null ? null : startThread("soak-flash", () -> flash.run(options.length(), start));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("soak-progress"));
        ticker.scheduleAtFixedRate(() -> out.accept(progress(start, options, orders, faults)), 10, 10, TimeUnit.SECONDS);
        try {
            injectUntil(start + options.length().toNanos(), plan, injector, faults);
            join(orderThread);
            join(flashThread);
            out.accept("load over; waiting for every order to be accepted or given up (at most "
                    + RETRY_BUDGET.plusSeconds(30).toSeconds() + " s)");
            orders.awaitResolved(RETRY_BUDGET.plusSeconds(30));
        } finally {
            DaemonThreads.stop(ticker);
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        List<String> accepted = new ArrayList<>(orders.acceptedIds());
        accepted.addAll(probeOrders);
        SoakBooks.Books books = new SoakBooks(target.database(), options.settleLimit(), out).read(accepted);
        List<SoakReport.Sale> sales = flash == null ? List.of() : settleSales(flash.sales(), options.settleLimit());
        out.accept("checking the invariants (at most " + CHECKER_WAIT.toSeconds() + " s)");
        ConsistencyChecker.Report check = new ConsistencyChecker(target.checkTarget(), target.pendingDeadline(),
                startedAt, ConsistencyChecker.DEFAULT_DELIVERY_HORIZON, Set.of()).check(Instant.now(), CHECKER_WAIT);
        return report(options, startedAt, loadSeconds, orders, probeOrders.size(), books, sales, faults,
                flash == null ? List.of() : flash.notes(), check);
    }

    private void injectUntil(long end, FaultPlan plan, FaultInjector injector, List<FaultRecord> faults) {
        while (System.nanoTime() < end) {
            PlannedFault fault = plan.next();
            Pause.seconds(Math.min(fault.gapSeconds(), Math.max(0, (end - System.nanoTime()) / 1_000_000_000L)));
            if (System.nanoTime() >= end) {
                return;
            }
            out.accept("fault #" + fault.number() + ": " + fault.describe());
            FaultRecord record = injector.inject(fault);
            faults.add(record);
            out.accept("fault #" + fault.number() + " lifted at " + SoakMarkdown.num(SoakReport.round(record.liftedAtSecond()))
                    + " s; " + (record.recovered() ? "recovered in " + SoakMarkdown.num(SoakReport.round(record.recoverySeconds())) + " s"
                    : "NOT recovered within " + RECOVERY_LIMIT.toSeconds() + " s")
                    + (record.restarted().isEmpty() ? "" : "; restarted " + String.join(", ", record.restarted()))
                    + (record.note().isEmpty() ? "" : "; " + record.note()));
        }
    }

    private Map<String, List<String>> faultPoints() {
        Map<String, List<String>> points = new TreeMap<>();
        for (String service : List.of("order", "inventory", "payment")) {
            PlatformClient.Reply reply = target.api().faultPoints(service, target.adminToken());
            List<String> names = new ArrayList<>();
            reply.body().path("points").forEach(point -> names.add(point.path("name").asString()));
            points.put(service, names);
        }
        return points;
    }

    private List<SoakReport.Sale> settleSales(List<FlashWindows.SaleTally> tallies, Duration limit) {
        List<SoakReport.Sale> sales = new ArrayList<>();
        for (FlashWindows.SaleTally tally : tallies) {
            FlashSales.Settled settled;
            try {
                settled = target.flash().awaitSettled(tally.saleId(), limit);
            } catch (RuntimeException e) {
                out.accept("flash sale " + tally.saleId() + " could not be read: " + e.getMessage());
                settled = new FlashSales.Settled(new FlashSales.SaleState(tally.units(), -1, -1, -1, 0, 0), false, 0);
            }
            FlashSales.SaleState state = settled.state();
            long lost = Math.max(0, tally.accepted() - state.confirmed() - state.cancelled());
            sales.add(new SoakReport.Sale(tally.saleId(), tally.units(), tally.answers(), tally.accepted(),
                    state.confirmed(), state.cancelled(), settled.settled(), lost));
        }
        return sales;
    }

    private static SoakReport report(SoakOptions options, Instant startedAt, double loadSeconds, OrderLoad orders,
                                     int probes, SoakBooks.Books books, List<SoakReport.Sale> sales,
                                     List<FaultRecord> faults, List<String> notes, ConsistencyChecker.Report check) {
        OrderLoad.Totals totals = orders.totals();
        SoakReport.Orders orderFigures = new SoakReport.Orders(totals.offered(), books.accepted(), books.confirmed(),
                books.cancelled(), books.cancelledByReason(), totals.retriedOrders(), totals.attempts(), totals.gaveUp(),
                orders.gaveUpBy(), totals.refused(), orders.refusedBy(), probes, SoakReport.round(books.settledAfterSeconds()));
        List<String> lostIds = new ArrayList<>(books.missing().stream().map(id -> id + " (missing)").toList());
        books.notFinal().forEach(id -> lostIds.add(id + " (not final)"));
        sales.stream().filter(sale -> sale.lost() > 0).forEach(sale -> lostIds.add(sale.lost() + " of flash sale "
                + sale.saleId() + "'s accepted purchases"));
        long lost = books.lost() + sales.stream().mapToLong(SoakReport.Sale::lost).sum();
        SoakReport.Recovery recovery = recovery(faults);
        SoakReport.Checker checker = new SoakReport.Checker(check.passed(), CheckReport.lines(check));
        List<String> allNotes = new ArrayList<>(notes);
        if (totals.unresolved() > 0) {
            allNotes.add(totals.unresolved() + " order request(s) still unanswered when the report was made");
        }
        return new SoakReport(new SoakReport.Settings(options.seed(), options.length().toSeconds() / 60.0,
                options.rate(), options.faultNames(), options.flashEvery().toSeconds(), options.settleLimit().toSeconds()),
                startedAt.toString(), SoakReport.round(loadSeconds), orderFigures, sales, byKind(faults),
                faults.stream().map(SoakReport.Fault::of).toList(), recovery, books.timeToFinal(), lost,
                lostIds.subList(0, Math.min(lostIds.size(), LOST_IDS_SHOWN)), checker, allNotes,
                SoakReport.violations(lost, recovery, checker));
    }

    private static Map<String, Long> byKind(List<FaultRecord> faults) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FaultKind kind : FaultKind.values()) {
            long count = faults.stream().filter(fault -> fault.fault().kind() == kind).count();
            if (count > 0) {
                counts.put(kind.cliName(), count);
            }
        }
        return counts;
    }

    static SoakReport.Recovery recovery(List<FaultRecord> faults) {
        double[] seconds = faults.stream().filter(FaultRecord::recovered).mapToDouble(FaultRecord::recoverySeconds)
                .sorted().toArray();
        long notRecovered = faults.size() - seconds.length;
        if (seconds.length == 0) {
            return new SoakReport.Recovery(0, notRecovered, 0, 0, 0);
        }
        return new SoakReport.Recovery(seconds.length, notRecovered, SoakReport.round(rank(seconds, 50)),
                SoakReport.round(rank(seconds, 99)), SoakReport.round(seconds[seconds.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String progress(long start, SoakOptions options, OrderLoad orders, List<FaultRecord> faults) {
        OrderLoad.Totals totals = orders.totals();
        return String.format("[%4d/%d s] orders offered %d, accepted %d, retried %d, gave up %d, unanswered %d; faults %d",
                (System.nanoTime() - start) / 1_000_000_000L, options.length().toSeconds(), totals.offered(),
                totals.accepted(), totals.retriedOrders(), totals.gaveUp(), totals.unresolved(), faults.size());
    }

    private static Thread startThread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
