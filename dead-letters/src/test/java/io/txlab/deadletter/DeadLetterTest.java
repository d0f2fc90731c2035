package io.txlab.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The scenario runner reads the order ids back from the lines the dlq tool prints when it runs in compose. */
class DeadLetterTest {

    @Test
    void aReplayedLineNamesItsOrder() {
        DeadLetter letter = new DeadLetter("txlab-payment", "AC1F0001", "C0A8", "txlab-order-events", "order-42",
                "OrderCreated", 5, Instant.parse("2026-11-22T01:02:03Z"), true);

        assertThat(DeadLetter.orderIdOfReplayedLine(letter.replayedLine())).contains("order-42");
        assertThat(DeadLetter.orderIdOfReplayedLine("1 dead letter(s) of txlab-payment replayed to txlab-payment only"))
                .isEmpty();
    }
}
