package io.txlab.support.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Micrometer adapter of {@link TxLabMeters}; the meter names are docs/metrics.md's table. Public for the
 * tests of the code that counts; services get it as their {@link TxLabMeters} bean.
 */
public final class MicrometerMeters implements TxLabMeters {

    private static final Logger log = LoggerFactory.getLogger(MicrometerMeters.class);
    private static final String NONE = "";

    private final MeterRegistry registry;
    private final MeterCache<Counter> halfMessages;
    private final MeterCache<Counter> checkBacks;
    private final MeterCache<Counter> consumptions;
    private final MeterCache<Counter> dedupHits;
    private final MeterCache<Counter> deliveryFailures;
    private final MeterCache<Counter> deadLetters;
    private final MeterCache<Counter> compensations;
    private final MeterCache<Counter> flashGate;
    private final MeterCache<Timer> timeToConsistency;
    private final Counter sweeperCancels;

    public MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
        halfMessages = counters("txlab.half.messages", "half messages sent, by event type and local transaction outcome",
                "event", "outcome");
        checkBacks = counters("txlab.check.backs", "check-backs answered, by answer", "answer", null);
        consumptions = counters("txlab.consumptions", "deliveries handled without an error, by consumer group",
                "group", null);
        dedupHits = counters("txlab.dedup.hits", "deliveries of an event already applied (its dedup row existed)",
                "group", null);
        deliveryFailures = counters("txlab.delivery.failures", "deliveries whose handling failed or that were parked",
                "group", null);
        deadLetters = counters("txlab.dead.letters", "messages moved to their group's DLQ, by reason", "group",
                "reason");
        compensations = counters("txlab.compensations", "cancels handled by a participant, by what they did",
                "participant", "kind");
        flashGate = counters("txlab.flash.gate", "flash-sale purchases, by the gate's answer", "outcome", null);
        timeToConsistency = new MeterCache<>((status, ignored) -> Timer.builder("txlab.time.to.consistency")
                .description("from an order's creation to its final state, by that state")
                .tag("status", status)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry));
        sweeperCancels = Counter.builder("txlab.sweeper.cancels")
                .description("orders the sweeper cancelled after they stayed PENDING past the deadline")
                .register(registry);
    }

    private MeterCache<Counter> counters(String name, String description, String firstTag, String secondTag) {
        return new MeterCache<>((first, second) -> {
            Counter.Builder builder = Counter.builder(name).description(description).tag(firstTag, first);
            return (secondTag == null ? builder : builder.tag(secondTag, second)).register(registry);
        });
    }

    @Override
    public void halfMessage(String eventType, String localOutcome) {
        halfMessages.get(eventType, localOutcome).increment();
    }

    @Override
    public void checkBack(String answer) {
        checkBacks.get(answer, NONE).increment();
    }

    @Override
    public void consumed(String consumer, String eventType, int count) {
        consumptions.get(ConsumerGroupOf.of(consumer, eventType), NONE).increment(count);
    }

    @Override
    public void dedupHit(String consumer, String eventType) {
        dedupHits.get(ConsumerGroupOf.of(consumer, eventType), NONE).increment();
    }

    @Override
    public void deliveryFailed(String consumer, String eventType) {
        deliveryFailures.get(ConsumerGroupOf.of(consumer, eventType), NONE).increment();
    }

    @Override
    public void deadLettered(String consumer, String eventType, DeadLetterReason reason) {
        deadLetters.get(ConsumerGroupOf.of(consumer, eventType), reason.name()).increment();
    }

    @Override
    public void compensated(String participant, Compensation kind) {
        compensations.get(participant, kind.name()).increment();
    }

    @Override
    public void sweeperCancelled(int orders) {
        sweeperCancels.increment(orders);
    }

    @Override
    public void flashGate(FlashGateOutcome outcome) {
        flashGate.get(outcome.name(), NONE).increment();
    }

    @Override
    public void outboxUnsent(LongSupplier unsent) {
        Gauge.builder("txlab.outbox.unsent", unsent, MicrometerMeters::readOrNaN)
                .description("outbox rows not sent to the broker yet")
                // a gauge holds its object weakly by default, and nothing else holds this lambda
                .strongReference(true)
                .register(registry);
    }

    /** Read when scraped: a database that does not answer makes a gap, not a failed scrape. */
    private static double readOrNaN(LongSupplier unsent) {
        try {
            return unsent.getAsLong();
        } catch (RuntimeException e) {
            log.debug("outbox unsent not read: {}", e.toString());
            return Double.NaN;
        }
    }

    @Override
    public void reachedFinalState(String status, Duration sinceCreated) {
        timeToConsistency.get(status, NONE).record(sinceCreated);
    }
}
