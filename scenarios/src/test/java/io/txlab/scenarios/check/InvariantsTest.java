package io.txlab.scenarios.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.txlab.scenarios.check.InvariantResult.Status;
import org.junit.jupiter.api.Test;

/** Each invariant, fed books that break it, fails and names the offending ids; consistent books pass. */
class InvariantsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Invariants INVARIANTS = new Invariants(Duration.ofSeconds(90), Instant.EPOCH);
    private static final Snapshot.Outbox NO_OUTBOX = Snapshot.Outbox.ABSENT;

    private static Snapshot.Order order(String id, String status) {
        return new Snapshot.Order(id, status, 2, 1000, NOW.minusSeconds(10));
    }

    private static Snapshot.Moves applied(long amount) {
        return new Snapshot.Moves(1, amount, 0, 0);
    }

    private static Snapshot.Moves undone(long amount) {
        return new Snapshot.Moves(1, amount, 1, amount);
    }

    private static Map<String, InvariantResult> judge(Snapshot snapshot) {
        return INVARIANTS.judge(snapshot).stream().collect(Collectors.toMap(InvariantResult::name, Function.identity()));
    }

    private static Snapshot consistent() {
        return new Snapshot(Map.of("c-1", order("c-1", "CONFIRMED"), "x-1", order("x-1", "CANCELLED")),
                Map.of("c-1", applied(2), "x-1", undone(2)), Map.of("c-1", applied(1000)),
                List.of(new Snapshot.Book("1", 10, 8, 2)), List.of(new Snapshot.Book("7", 5000, 4000, 1000)), Set.of(),
                Set.of("c-1", "x-1"), NOW, List.of(), NO_OUTBOX);
    }

    @Test
    void consistentBooksPassEveryInvariant() {
        assertThat(INVARIANTS.judge(consistent())).extracting(InvariantResult::status)
                .containsOnly(Status.PASS, Status.SKIP);
    }

    @Test
    void eachViolationFailsItsInvariantWithTheOffendingIds() {
        Snapshot broken = new Snapshot(
                Map.of("c-1", order("c-1", "CONFIRMED"), "c-2", order("c-2", "CONFIRMED"), "x-1", order("x-1", "CANCELLED"),
                        "p-1", new Snapshot.Order("p-1", "PENDING", 1, 1, NOW.minusSeconds(600))),
                Map.of("c-1", applied(2), "c-2", undone(2), "x-1", applied(2), "ghost", applied(1),
                        "r-1", new Snapshot.Moves(0, 0, 1, 3)),
                Map.of("c-1", applied(1000), "c-2", applied(1000)),
                List.of(new Snapshot.Book("1", 10, 7, 2), new Snapshot.Book("2", 5, -1, 6)),
                List.of(new Snapshot.Book("7", 5000, 4000, 999)),
                Set.of("c-1 (DEDUCT x2)"), Set.of("c-1", "c-2", "x-1"), NOW, List.of(), NO_OUTBOX);

        Map<String, InvariantResult> results = judge(broken);

        assertFailsWith(results.get("confirmed-orders-applied-once"), "c-2");
        assertFailsWith(results.get("cancelled-orders-net-zero"), "x-1");
        assertFailsWith(results.get("stock-books-balance"), "product 1", "product 2");
        assertFailsWith(results.get("money-books-balance"), "user 7");
        assertFailsWith(results.get("no-effect-applied-twice"), "c-1 (DEDUCT x2)", "r-1");
        assertFailsWith(results.get("no-effect-without-order"), "ghost", "r-1");
        assertFailsWith(results.get("no-stale-pending"), "p-1");
        assertFailsWith(results.get("every-order-published"), "p-1");
    }

    @Test
    void aPendingOrderWithinTheDeadlineIsNoViolation() {
        Snapshot snapshot = new Snapshot(Map.of("p-1", order("p-1", "PENDING")), Map.of(), Map.of(), List.of(),
                List.of(), Set.of(), Set.of("p-1"), NOW, List.of(), NO_OUTBOX);

        assertThat(judge(snapshot).get("no-stale-pending").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anOrderWithoutItsEventIsReportedOnlyWhenCreatedSinceTheGivenTime() {
        Snapshot snapshot = new Snapshot(Map.of("lost", order("lost", "PENDING")), Map.of(), Map.of(), List.of(),
                List.of(), Set.of(), Set.of(), NOW, List.of(), NO_OUTBOX);

        assertFailsWith(judge(snapshot).get("every-order-published"), "lost");
        assertThat(new Invariants(Duration.ofSeconds(90), NOW).judge(snapshot)).filteredOn(result ->
                result.name().equals("every-order-published")).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(Status.PASS));
    }

    @Test
    void flashSalesThatOversellGiveAUserTwoUnitsOrLoseUnitsFailWithTheirIds() {
        List<Snapshot.Sale> sales = List.of(
                new Snapshot.Sale("ok", 10, 10, 10, 1, 10, 0, 10),
                new Snapshot.Sale("oversold", 10, 11, 11, 1, 10, 0, 10),
                new Snapshot.Sale("twice", 10, 2, 2, 2, 10, 8, 2),
                new Snapshot.Sale("leaky", 10, 3, 3, 1, 10, 8, 3),
                new Snapshot.Sale("unallocated", 10, 0, 0, 0, -1, 0, 0));
        Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), List.of(), List.of(), Set.of(), Set.of(), NOW,
                sales, NO_OUTBOX);

        assertFailsWith(judge(snapshot).get("flash-sale-books"), "sale oversold", "sale twice", "sale leaky",
                "sale unallocated");
        assertThat(judge(new Snapshot(Map.of(), Map.of(), Map.of(), List.of(), List.of(), Set.of(), Set.of(), NOW,
                List.of(sales.get(0)), NO_OUTBOX)).get("flash-sale-books").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anOutboxRowUnsentPastTheGraceFailsWithItsOrderAndOneWithinItDoesNot() {
        Snapshot.Outbox outbox = new Snapshot.Outbox(true, 3, List.of(
                new Snapshot.Unsent(1, "stuck", NOW.minus(Invariants.OUTBOX_GRACE).minusSeconds(1)),
                new Snapshot.Unsent(3, "fresh", NOW.minusSeconds(1))));
        Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), List.of(), List.of(), Set.of(), Set.of(), NOW,
                List.of(), outbox);

        InvariantResult result = judge(snapshot).get("outbox-drained");

        assertFailsWith(result, "stuck");
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void theOutboxIsSkippedWhenNothingWentThroughItOrTheSchemaHasNoOutbox() {
        assertThat(judge(consistent()).get("outbox-drained").status()).isEqualTo(Status.SKIP);
        Snapshot empty = new Snapshot(Map.of(), Map.of(), Map.of(), List.of(), List.of(), Set.of(), Set.of(), NOW,
                List.of(), new Snapshot.Outbox(true, 0, List.of()));
        assertThat(judge(empty).get("outbox-drained").status()).isEqualTo(Status.SKIP);
        Snapshot drained = new Snapshot(Map.of(), Map.of(), Map.of(), List.of(), List.of(), Set.of(), Set.of(), NOW,
                List.of(), new Snapshot.Outbox(true, 5, List.of()));
        assertThat(judge(drained).get("outbox-drained").status()).isEqualTo(Status.PASS);
    }

    private static void assertFailsWith(InvariantResult result, String... ids) {
        assertThat(result.status()).as(result.name()).isEqualTo(Status.FAIL);
        assertThat(result.violations()).as(result.name()).isEqualTo(ids.length);
        for (String id : ids) {
            assertThat(result.offenders()).as(result.name()).anyMatch(offender -> offender.startsWith(id));
        }
    }
}
