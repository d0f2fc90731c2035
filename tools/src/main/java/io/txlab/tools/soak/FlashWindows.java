package io.txlab.tools.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.txlab.tools.client.FlashSales;
import io.txlab.tools.client.KeepAliveHttp;

/**
 * The flash-sale part of a soak: every {@code every}, a sale of a few units opens and buyers click at a steady
 * rate for {@code window}, one click each, never retried (a refused buyer is refused). Afterwards each sale's
 * accepted purchases must all have become orders, none of them pending.
 */
final class FlashWindows {

    /** One sale: its id and what its purchases were answered ("ACCEPTED", "SOLD_OUT", ..., "NO_ANSWER"). */
    record SaleTally(String saleId, int units, Map<String, Long> answers) {
        long accepted() {
            return answers.getOrDefault("ACCEPTED", 0L);
        }
    }

    private static final long PRODUCT = 7;
    private static final long FIRST_BUYER = 1001;
    private static final int BUYERS = 2000;
    private static final Duration FIRST_SALE_AFTER = Duration.ofSeconds(20);
    /** A fault may be in the way when a sale opens (inventory down, say): it is tried again for this long. */
    private static final Duration OPENING_TRIES = Duration.ofSeconds(30);
    private static final Duration OPENING_PAUSE = Duration.ofSeconds(2);

    private final FlashSales api;
    private final Duration every;
    private final int units;
    private final double clicksPerSecond;
    private final Duration window;
    private final Consumer<String> out;
    private final List<SaleTally> sales = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, AtomicLong>> answers = new ConcurrentHashMap<>();
    private long buyer;

    FlashWindows(FlashSales api, Duration every, int units, double clicksPerSecond, Duration window,
                 Consumer<String> out) {
        this.api = api;
        this.every = every;
        this.units = units;
        this.clicksPerSecond = clicksPerSecond;
        this.window = window;
        this.out = out;
    }

    /** Opens sales until {@code length} has passed since {@code start} (System.nanoTime); blocks meanwhile. */
    void run(Duration length, long start) {
        long end = start + length.toNanos();
        for (long opens = start + FIRST_SALE_AFTER.toNanos(); opens + window.toNanos() <= end; opens += every.toNanos()) {
            waitUntil(opens);
            runSale();
        }
    }

    List<SaleTally> sales() {
        return sales.stream().map(sale -> new SaleTally(sale.saleId(), sale.units(), counts(sale.saleId()))).toList();
    }

    /** Sales that could not be opened, and why (a fault was in the way). */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private void runSale() {
        Optional<String> opened = open();
        if (opened.isEmpty()) {
            return;
        }
        String saleId = opened.get();
        answers.put(saleId, new ConcurrentHashMap<>());
        sales.add(new SaleTally(saleId, units, Map.of()));
        long clicks = (long) (window.toSeconds() * clicksPerSecond);
        out.accept("flash sale " + saleId + ": " + units + " units, " + clicks + " buyers click over "
                + window.toSeconds() + " s");
        long first = System.nanoTime();
        for (long i = 0; i < clicks; i++) {
            waitUntil(first + (long) (i * 1e9 / clicksPerSecond));
            long user = FIRST_BUYER + buyer++ % BUYERS;
            try {
                api.purchase(saleId, user).whenComplete((outcome, failure) ->
                        count(saleId, failure == null ? outcome.name() : failed(failure)));
            } catch (RuntimeException e) {
                count(saleId, failed(e));
            }
        }
    }

    private Optional<String> open() {
        long giveUp = System.nanoTime() + OPENING_TRIES.toNanos();
        while (true) {
            try {
                return Optional.of(api.openSale(PRODUCT, units, window.plusSeconds(5)).saleId());
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    notes.add("a sale could not be opened within " + OPENING_TRIES.toSeconds() + " s: " + e.getMessage());
                    return Optional.empty();
                }
                Pause.seconds(OPENING_PAUSE.toSeconds());
            }
        }
    }

    /** NO_ANSWER when the service was not there to answer (a fault); FAILED for an answer outside the contract. */
    private static String failed(Throwable failure) {
        Throwable cause = FlashSales.causeOf(failure);
        return cause instanceof KeepAliveHttp.NoAnswer ? "NO_ANSWER" : "FAILED (" + cause.getClass().getSimpleName() + ")";
    }

    private void count(String saleId, String answer) {
        answers.get(saleId).computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
    }

    private Map<String, Long> counts(String saleId) {
        Map<String, Long> copy = new TreeMap<>();
        answers.getOrDefault(saleId, Map.of()).forEach((answer, count) -> copy.put(answer, count.get()));
        return copy;
    }

    private static void waitUntil(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
