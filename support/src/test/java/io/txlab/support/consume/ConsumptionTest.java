package io.txlab.support.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.txlab.contracts.event.OrderCancelled;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ConsumptionTest {

    private static final String CONSUMER = "inventory";

    private final InMemoryConsumedMessages rows = new InMemoryConsumedMessages();
    private final Consumption consumption = rows.consumption();
    private final List<String> effects = new ArrayList<>();

    @Test
    void theFirstDeliveryCommitsItsEffectWithItsDedupRow() {
        OrderCancelled event = cancelled("o-1");

        consumption.once(CONSUMER, event, delivery -> delivery.commit(() -> effects.add(delivery.event().orderId())));

        assertThat(effects).containsExactly("o-1");
        assertThat(rows.recorded(CONSUMER, event.dedupKey())).isTrue();
        assertThat(rows.duplicates(CONSUMER, event.dedupKey())).isZero();
    }

    @Test
    void aDuplicateIsCountedOnItsRowAndItsEffectSkipped() {
        OrderCancelled event = cancelled("o-1");

        consumption.once(CONSUMER, event, delivery -> delivery.commit(() -> effects.add("first")));
        consumption.once(CONSUMER, event, delivery -> delivery.commit(() -> effects.add("again")));

        assertThat(effects).containsExactly("first");
        assertThat(rows.duplicates(CONSUMER, event.dedupKey())).isEqualTo(1);
    }

    @Test
    void aHandlerThatCommitsNothingGetsItsDedupRowAllTheSame() {
        OrderCancelled event = cancelled("o-1");

        consumption.once(CONSUMER, event, delivery -> {
        });

        assertThat(rows.recorded(CONSUMER, event.dedupKey())).isTrue();
    }

    @Test
    void aHandlerCannotWriteTheDedupRowTwice() {
        assertThatThrownBy(() -> consumption.once(CONSUMER, cancelled("o-1"), delivery -> {
            delivery.commit(() -> effects.add("once"));
            delivery.commit(() -> effects.add("twice"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(effects).containsExactly("once");
    }

    @Test
    void aConcurrentChangeRunsTheWholeHandlingAgainWithItsDedupRowRolledBack() {
        AtomicInteger attempts = new AtomicInteger();
        OrderCancelled event = cancelled("o-1");

        consumption.once(CONSUMER, event, delivery -> delivery.commit(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrentChangeException("order o-1 changed");
            }
            effects.add("applied");
        }));

        assertThat(attempts).hasValue(3);
        assertThat(effects).containsExactly("applied");
        assertThat(rows.duplicates(CONSUMER, event.dedupKey())).isZero();
    }

    @Test
    void aChangeThatKeepsConflictingIsGivenUpAfterFiveAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> consumption.once(CONSUMER, cancelled("o-1"), delivery -> delivery.commit(() -> {
            attempts.incrementAndGet();
            throw new ConcurrentChangeException("order o-1 changed");
        }))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(attempts).hasValue(5);
    }

    @Test
    void theDedupRowOfAnotherTransactionIsWrittenOnlyInsideOne() {
        assertThatThrownBy(() -> consumption.once(CONSUMER, cancelled("o-1"),
                Delivery::recordInCurrentTransaction)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDuplicateFoundInAnotherTransactionRollsItBackAndIsCountedOnce() {
        OrderCancelled event = cancelled("o-1");
        consumption.once(CONSUMER, event, delivery -> delivery.commit(() -> effects.add("first")));

        consumption.once(CONSUMER, event, delivery -> rows.transactions().executeWithoutResult(status -> {
            delivery.recordInCurrentTransaction();
            effects.add("again");
        }));

        assertThat(effects).containsExactly("first");
        assertThat(rows.duplicates(CONSUMER, event.dedupKey())).isEqualTo(1);
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
    }

    @Test
    void aBatchWritesEveryDedupRowAndTellsFirstDeliveriesFromDuplicates() {
        consumption.once(CONSUMER, cancelled("o-2"), delivery -> delivery.commit(() -> effects.add("o-2")));
        List<String> committed = new ArrayList<>();

        consumption.batch(CONSUMER, List.of(cancelled("o-1"), cancelled("o-2"), cancelled("o-3")),
                received -> received.stream().filter(Consumption.Received::first)
                        .map(first -> first.event().orderId()).toList(),
                committed::addAll);

        assertThat(committed).containsExactly("o-1", "o-3");
        assertThat(rows.recorded(CONSUMER, cancelled("o-3").dedupKey())).isTrue();
        assertThat(rows.duplicates(CONSUMER, cancelled("o-2").dedupKey())).isEqualTo(1);
    }

    @Test
    void anEventDeliveredTwiceInOneBatchTakesEffectOnceAndItsSecondCopyIsCountedAsADuplicate() {
        List<String> committed = new ArrayList<>();

        consumption.batch(CONSUMER, List.of(cancelled("o-1"), cancelled("o-2"), cancelled("o-1")),
                received -> received.stream().map(delivery -> delivery.event().orderId() + ":" + delivery.first())
                        .toList(),
                committed::addAll);

        assertThat(committed).containsExactly("o-1:true", "o-2:true", "o-1:false");
        assertThat(rows.duplicates(CONSUMER, cancelled("o-1").dedupKey())).isEqualTo(1);
        assertThat(rows.duplicates(CONSUMER, cancelled("o-2").dedupKey())).isZero();
    }

    @Test
    void aBatchThatRollsBackLeavesNoDedupRow() {
        assertThatThrownBy(() -> consumption.batch(CONSUMER, List.of(cancelled("o-1"), cancelled("o-2")),
                received -> {
                    throw new IllegalStateException("the effect failed");
                }, result -> effects.add("after commit")))
                .hasMessage("the effect failed");

        assertThat(rows.recorded(CONSUMER, cancelled("o-1").dedupKey())).isFalse();
        assertThat(rows.recorded(CONSUMER, cancelled("o-2").dedupKey())).isFalse();
        assertThat(effects).isEmpty();
    }

    private static OrderCancelled cancelled(String orderId) {
        return OrderCancelled.of(orderId, "PENDING_TIMEOUT", Instant.EPOCH);
    }
}
