package io.txlab.support.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Participant;
import io.txlab.support.metrics.MicrometerMeters;
import org.junit.jupiter.api.Test;

/** Compensations are counted by what they did, once per cancel handled, and not for a redelivered cancel. */
class CompensationMetersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryParticipant inventory = new InMemoryParticipant(Participant.INVENTORY,
            new MicrometerMeters(registry));

    @Test
    void anUndoAnEmptyCompensationAndASkippedLateEventAreCountedApart() {
        OrderCreated applied = OrderCreated.of("o-1", 1, 1, 1, 100, NOW);
        inventory.replyToOrder().handle(Participant.INVENTORY, List.of(applied), part());
        OrderCancelled cancelApplied = OrderCancelled.of("o-1", "PAYMENT_DECLINED", NOW);
        inventory.compensateOrder().handle(Participant.INVENTORY, cancelApplied, () -> { });
        inventory.compensateOrder().handle(Participant.INVENTORY, cancelApplied, () -> { });

        inventory.compensateOrder().handle(Participant.INVENTORY, OrderCancelled.of("o-2", "PENDING_TIMEOUT", NOW),
                () -> { });
        inventory.replyToOrder().handle(Participant.INVENTORY, List.of(OrderCreated.of("o-2", 1, 1, 1, 100, NOW)),
                part());

        assertThat(kind("UNDONE")).isEqualTo(1);
        assertThat(kind("EMPTY")).isEqualTo(1);
        assertThat(kind("SKIPPED_LATE_EVENT")).isEqualTo(1);
        assertThat(registry.get("txlab.dedup.hits").tag("group", "txlab-inventory-compensation").counter().count())
                .isEqualTo(1);
    }

    private double kind(String kind) {
        return registry.get("txlab.compensations").tags("participant", "inventory", "kind", kind).counter().count();
    }

    private static ReplyToOrder.Part part() {
        return new ReplyToOrder.Part() {
            @Override
            public Verdict apply(OrderCreated order) {
                return Verdict.accept();
            }

            @Override
            public String row(OrderCreated order) {
                return "stock-1";
            }

            @Override
            public void recordApplied(List<OrderCreated> applied) {
            }
        };
    }
}
