package io.txlab.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.support.metrics.TxLabMeters.DeadLetterReason;
import org.junit.jupiter.api.Test;

class MicrometerMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMeters meters = new MicrometerMeters(registry);

    @Test
    void deliveriesAreCountedPerConsumerGroupTheBrokerKnows() {
        meters.consumed("inventory", "OrderCreated", 3);
        meters.consumed("inventory", "OrderCancelled", 1);
        meters.dedupHit("payment", "OrderCancelled");
        meters.deadLettered("order", "ParticipantReplied", DeadLetterReason.RETRIES_EXHAUSTED);

        assertThat(count("txlab.consumptions", "group", ConsumerGroups.INVENTORY)).isEqualTo(3);
        assertThat(count("txlab.consumptions", "group", ConsumerGroups.INVENTORY_COMPENSATION)).isEqualTo(1);
        assertThat(count("txlab.dedup.hits", "group", ConsumerGroups.PAYMENT_COMPENSATION)).isEqualTo(1);
        assertThat(registry.get("txlab.dead.letters").tags("group", ConsumerGroups.ORDER_REPLIES,
                "reason", "RETRIES_EXHAUSTED").counter().count()).isEqualTo(1);
    }

    /** A poison message's claimed type is whatever its payload says: it must never become a tag value. */
    @Test
    void aTypeNoGroupConsumesIsCountedUnderTheConsumerNotTheClaim() {
        meters.deadLettered("inventory", "<script>", DeadLetterReason.POISON);

        assertThat(registry.get("txlab.dead.letters").tags("group", "inventory", "reason", "POISON").counter().count())
                .isEqualTo(1);
    }

    @Test
    void eachMeterIsRegisteredOnceAndThenReused() {
        meters.halfMessage("OrderCreated", "COMMITTED");
        int registered = registry.getMeters().size();

        for (int i = 0; i < 1000; i++) {
            meters.halfMessage("OrderCreated", "COMMITTED");
        }

        assertThat(registry.getMeters()).hasSize(registered);
        assertThat(registry.get("txlab.half.messages").tags("event", "OrderCreated", "outcome", "COMMITTED")
                .counter().count()).isEqualTo(1001);
    }

    @Test
    void timeToConsistencyIsATimerPerFinalState() {
        meters.reachedFinalState("CONFIRMED", Duration.ofMillis(120));
        meters.reachedFinalState("CANCELLED", Duration.ofSeconds(3));

        assertThat(registry.get("txlab.time.to.consistency").tag("status", "CONFIRMED").timer().count()).isEqualTo(1);
        assertThat(registry.get("txlab.time.to.consistency").tag("status", "CANCELLED").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3.0);
    }

    /** Nothing but the gauge holds the supplier: a weakly held one would read NaN after a collection. */
    @Test
    void theOutboxGaugeOutlivesAGarbageCollection() {
        long unsent = 7;
        meters.outboxUnsent(() -> unsent); // capturing, as the outbox's method reference: a new object
        System.gc();

        assertThat(registry.get("txlab.outbox.unsent").gauge().value()).isEqualTo(7);
    }

    @Test
    void anOutboxThatCannotBeReadIsAGapNotAFailedScrape() {
        meters.outboxUnsent(() -> {
            throw new IllegalStateException("database down");
        });

        assertThat(registry.get("txlab.outbox.unsent").gauge().value()).isNaN();
    }

    @Test
    void offCountsNothing() {
        TxLabMeters off = TxLabMeters.none();
        off.consumed("inventory", "OrderCreated", 1);
        off.sweeperCancelled(2);

        assertThat(off).isNotInstanceOf(MicrometerMeters.class);
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}
