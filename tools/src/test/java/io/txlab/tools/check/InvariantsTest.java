package io.txlab.tools.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.txlab.devstack.BrokerTransactionSettings;
import io.txlab.tools.check.InvariantResult.Status;
import org.junit.jupiter.api.Test;

/** Each invariant, fed books that break it, fails and names the offending ids; consistent books pass. */
class InvariantsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Invariants INVARIANTS = new Invariants(Duration.ofSeconds(90), Instant.EPOCH);
    private static final long PRODUCT = 1;
    private static final long USER = 7;
    private static final String NO_SALE = Snapshot.Moves.NO_SALE;

    /** A snapshot built row by row; orders are published and consumed by both participants unless told. */
    private static final class Books {
        final Map<String, Snapshot.Order> orders = new HashMap<>();
        final Map<String, Snapshot.Moves> stock = new HashMap<>();
        final Map<String, Snapshot.Moves> money = new HashMap<>();
        final List<Snapshot.Book> products = new ArrayList<>();
        final List<Snapshot.Book> accounts = new ArrayList<>();
        final Set<String> repeated = new HashSet<>();
        final Set<String> published = new HashSet<>();
        final Set<String> inventory = new HashSet<>();
        final Set<String> payment = new HashSet<>();
        final List<Snapshot.Sale> sales = new ArrayList<>();
        Snapshot.Outbox outbox = Snapshot.Outbox.ABSENT;

        Books order(String id, String status) {
            return order(new Snapshot.Order(id, status, USER, PRODUCT, null, 2, 1000, NOW.minusSeconds(10)));
        }

        Books order(Snapshot.Order order) {
            orders.put(order.orderId(), order);
            published.add(order.orderId());
            inventory.add(order.orderId());
            payment.add(order.orderId());
            return this;
        }

        /** The normal books of a CONFIRMED order: deducted on its product, charged to its user. */
        Books confirmed(String id) {
            order(id, "CONFIRMED");
            stock.put(id, deducted(2, PRODUCT, NO_SALE));
            money.put(id, charged(1000, USER));
            return this;
        }

        Books cancelled(String id) {
            order(id, "CANCELLED");
            stock.put(id, released(2, PRODUCT));
            return this;
        }

        Snapshot build() {
            return new Snapshot(orders, stock, money, products, accounts, repeated, published, NOW, sales, outbox,
                    new Snapshot.Delivered(inventory, payment));
        }

        Map<String, InvariantResult> judge() {
            return InvariantsTest.judge(INVARIANTS, build());
        }
    }

    private static Snapshot.Moves deducted(long quantity, long product, String sale) {
        return new Snapshot.Moves(1, quantity, 0, 0, Set.of(product), Set.of(sale));
    }

    private static Snapshot.Moves released(long quantity, long product) {
        return new Snapshot.Moves(1, quantity, 1, quantity, Set.of(product), Set.of(NO_SALE));
    }

    private static Snapshot.Moves charged(long cents, long user) {
        return new Snapshot.Moves(1, cents, 0, 0, Set.of(user), Set.of());
    }

    private static Map<String, InvariantResult> judge(Invariants invariants, Snapshot snapshot) {
        return invariants.judge(snapshot).stream().collect(Collectors.toMap(InvariantResult::name, Function.identity()));
    }

    private static Books consistent() {
        Books books = new Books().confirmed("c-1").cancelled("x-1");
        books.products.add(new Snapshot.Book("1", 10, 8, 2));
        books.accounts.add(new Snapshot.Book("7", 5000, 4000, 1000));
        books.sales.add(new Snapshot.Sale("ok", 10, 10, 10, 1, 10, 0, 10));
        books.outbox = new Snapshot.Outbox(true, 1, List.of());
        return books;
    }

    @Test
    void consistentBooksPassEveryInvariantAndEachCheckedSomething() {
        List<InvariantResult> results = INVARIANTS.judge(consistent().build());

        assertThat(results).extracting(InvariantResult::name).containsExactlyElementsOf(Invariants.NAMES);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
            assertThat(result.checked()).as(result.toString()).isPositive();
        });
    }

    @Test
    void eachViolationFailsItsInvariantWithTheOffendingIds() {
        Books books = new Books().confirmed("c-1").order("c-2", "CONFIRMED").order("x-1", "CANCELLED")
                .order(new Snapshot.Order("p-1", "PENDING", USER, PRODUCT, null, 1, 1, NOW.minusSeconds(600)));
        books.published.remove("p-1");
        books.inventory.remove("p-1");
        books.payment.remove("p-1");
        books.stock.put("c-2", released(2, PRODUCT));
        books.money.put("c-2", charged(1000, USER));
        books.stock.put("x-1", deducted(2, PRODUCT, NO_SALE));
        books.stock.put("ghost", deducted(1, PRODUCT, NO_SALE));
        books.stock.put("r-1", new Snapshot.Moves(0, 0, 1, 3, Set.of(PRODUCT), Set.of(NO_SALE)));
        books.products.addAll(List.of(new Snapshot.Book("1", 10, 7, 2), new Snapshot.Book("2", 5, -1, 6)));
        books.accounts.add(new Snapshot.Book("7", 5000, 4000, 999));
        books.repeated.add("c-1 (DEDUCT x2)");

        Map<String, InvariantResult> results = books.judge();

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
    void aDeductionFromAnotherProductFailsTheConfirmedOrderNamingBothProducts() {
        Books books = new Books().confirmed("c-1").confirmed("c-2");
        books.stock.put("c-2", deducted(2, 5, NO_SALE));

        InvariantResult result = books.judge().get("confirmed-orders-applied-once");

        assertFailsWith(result, "c-2");
        assertThat(result.offenders()).containsExactly("c-2 (stock moved on product 5, ordered product 1)");
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void rowsOnTwoProductsFailEvenWhenOneOfThemIsTheOrdersOwn() {
        Books books = new Books().confirmed("c-1");
        books.stock.put("c-1", new Snapshot.Moves(1, 2, 0, 0, Set.of(PRODUCT, 5L), Set.of(NO_SALE)));

        assertThat(books.judge().get("confirmed-orders-applied-once").offenders())
                .containsExactly("c-1 (stock moved on product 1 and 5, ordered product 1)");
    }

    @Test
    void aChargeToAnotherUserFailsTheConfirmedOrderNamingBothUsers() {
        Books books = new Books().confirmed("c-1");
        books.money.put("c-1", charged(1000, 8));

        assertThat(books.judge().get("confirmed-orders-applied-once").offenders())
                .containsExactly("c-1 (money moved on user 8, ordered by user 7)");
    }

    @Test
    void aCancelledOrderNettedToZeroOnAnotherProductOrAccountStillFails() {
        Books books = new Books().cancelled("x-1").cancelled("x-2").cancelled("x-3");
        books.stock.put("x-2", released(2, 5));
        books.money.put("x-3", new Snapshot.Moves(1, 1000, 1, 1000, Set.of(8L), Set.of()));
        books.money.put("x-4", new Snapshot.Moves(1, 1000, 0, 0, Set.of(USER), Set.of()));
        books.order("x-4", "CANCELLED");

        InvariantResult result = books.judge().get("cancelled-orders-net-zero");

        assertFailsWith(result, "x-2 (stock moved on product 5", "x-3 (money moved on user 8", "x-4 (net stock 0, net money 1000)");
    }

    @Test
    void aFlashOrderMustDeductFromItsOwnSaleAndANormalOrderFromNone() {
        Books books = new Books().confirmed("normal-in-sale")
                .order(new Snapshot.Order("flash-ok", "CONFIRMED", USER, 6, "s-1", 1, 1000, NOW.minusSeconds(10)))
                .order(new Snapshot.Order("flash-outside", "CONFIRMED", USER, 6, "s-1", 1, 1000, NOW.minusSeconds(10)))
                .order(new Snapshot.Order("flash-other", "CONFIRMED", USER, 6, "s-1", 1, 1000, NOW.minusSeconds(10)));
        books.stock.put("normal-in-sale", deducted(2, PRODUCT, "s-1"));
        books.stock.put("flash-ok", deducted(1, 6, "s-1"));
        books.stock.put("flash-outside", deducted(1, 6, NO_SALE));
        books.stock.put("flash-other", deducted(1, 6, "s-2"));
        List.of("flash-ok", "flash-outside", "flash-other").forEach(id -> books.money.put(id, charged(1000, USER)));

        InvariantResult result = books.judge().get("confirmed-orders-applied-once");

        assertFailsWith(result, "normal-in-sale", "flash-outside", "flash-other");
        assertThat(result.offenders()).contains("normal-in-sale (stock moved in sale s-1, ordered outside any sale)",
                "flash-outside (stock moved outside any sale, ordered in sale s-1)",
                "flash-other (stock moved in sale s-2, ordered in sale s-1)");
    }

    @Test
    void aPendingOrderWithinTheDeadlineIsNoViolation() {
        Books books = new Books().order("p-1", "PENDING");

        assertThat(books.judge().get("no-stale-pending").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anOrderWithoutItsEventIsReportedOnlyWhenCreatedSinceTheGivenTime() {
        Books books = new Books().order("lost", "PENDING");
        books.published.clear();

        assertFailsWith(books.judge().get("every-order-published"), "lost");
        assertThat(judge(new Invariants(Duration.ofSeconds(90), NOW), books.build()).get("every-order-published")
                .status()).isEqualTo(Status.SKIP);
    }

    @Test
    void aConfirmedOrderConsumedByOneParticipantOnlyIsUndelivered() {
        Books books = new Books().confirmed("c-both").confirmed("c-inventory").confirmed("c-payment");
        books.payment.remove("c-inventory");
        books.inventory.remove("c-payment");

        InvariantResult result = books.judge().get("every-order-delivered");

        assertFailsWith(result, "c-inventory", "c-payment");
        assertThat(result.offenders()).contains("c-inventory (CONFIRMED, OrderCreated consumed by inventory only)",
                "c-payment (CONFIRMED, OrderCreated consumed by payment only)");
        assertThat(result.checked()).isEqualTo(3);
    }

    /** The half message the broker discarded: committed locally (published), consumed by nobody. */
    @Test
    void aCommittedOrderNobodyConsumedFailsOnlyOncePastTheDeliveryHorizonAndNotOnceCancelled() {
        Duration horizon = Invariants.DELIVERY_HORIZON;
        Books books = new Books()
                .order(new Snapshot.Order("past", "PENDING", USER, PRODUCT, null, 1, 1, NOW.minus(horizon).minusSeconds(1)))
                .order(new Snapshot.Order("within", "PENDING", USER, PRODUCT, null, 1, 1, NOW.minus(horizon).plusSeconds(1)))
                .order(new Snapshot.Order("swept", "CANCELLED", USER, PRODUCT, null, 1, 1, NOW.minusSeconds(600)));
        books.inventory.clear();
        books.payment.clear();

        InvariantResult result = books.judge().get("every-order-delivered");

        assertFailsWith(result, "past");
        assertThat(result.offenders()).containsExactly("past (PENDING, OrderCreated consumed by neither participant "
                + "after the 51 s delivery horizon)");
        assertThat(result.checked()).isEqualTo(1);
        assertThat(books.judge().get("every-order-published").status()).isEqualTo(Status.PASS);
    }

    @Test
    void theDeliveryCheckRespectsOrdersFromAndLeavesAnUnpublishedOrderToEveryOrderPublished() {
        Books books = new Books()
                .order(new Snapshot.Order("old", "PENDING", USER, PRODUCT, null, 1, 1, NOW.minusSeconds(600)));
        books.inventory.clear();
        books.payment.clear();

        assertFailsWith(books.judge().get("every-order-delivered"), "old");
        assertThat(judge(new Invariants(Duration.ofSeconds(90), NOW.minusSeconds(60)), books.build())
                .get("every-order-delivered").status()).isEqualTo(Status.SKIP);
        books.published.clear();
        assertThat(books.judge().get("every-order-delivered").status()).isEqualTo(Status.SKIP);
        assertFailsWith(books.judge().get("every-order-published"), "old");
    }

    @Test
    void theDeliveryHorizonIsTheDevstacksCheckBackHorizonPlusTheFirstFourConsumerRetries() {
        long checkBackHorizonMs = BrokerTransactionSettings.TRANSACTION_TIMEOUT_MS
                + BrokerTransactionSettings.TRANSACTION_CHECK_MAX * BrokerTransactionSettings.TRANSACTION_CHECK_INTERVAL_MS;

        assertThat(Invariants.DELIVERY_HORIZON).isEqualTo(Duration.ofMillis(checkBackHorizonMs).plusSeconds(1 + 2 + 4 + 8));
        assertThat(ConsistencyChecker.DEFAULT_DELIVERY_HORIZON).isEqualTo(Invariants.DELIVERY_HORIZON);
    }

    @Test
    void flashSalesThatOversellGiveAUserTwoUnitsOrLoseUnitsFailWithTheirIds() {
        Books books = new Books();
        books.sales.addAll(List.of(
                new Snapshot.Sale("ok", 10, 10, 10, 1, 10, 0, 10),
                new Snapshot.Sale("oversold", 10, 11, 11, 1, 10, 0, 10),
                new Snapshot.Sale("twice", 10, 2, 2, 2, 10, 8, 2),
                new Snapshot.Sale("leaky", 10, 3, 3, 1, 10, 8, 3),
                new Snapshot.Sale("unallocated", 10, 0, 0, 0, -1, 0, 0)));

        assertFailsWith(books.judge().get("flash-sale-books"), "sale oversold", "sale twice", "sale leaky",
                "sale unallocated");
    }

    /** CONFIRMED <= net sold <= holding: a PENDING order may hold a deducted unit; nothing else may. */
    @Test
    void aFlashSaleMayHaveSoldMoreUnitsThanItConfirmedButNotMoreThanItsOrdersHold() {
        Books books = new Books();
        books.sales.addAll(List.of(
                new Snapshot.Sale("at-rest", 10, 4, 4, 1, 10, 6, 4),
                new Snapshot.Sale("pending-deducted", 10, 4, 3, 1, 10, 6, 4),
                new Snapshot.Sale("confirmed-unsold", 10, 4, 4, 1, 10, 7, 3),
                new Snapshot.Sale("sold-unheld", 10, 3, 3, 1, 10, 6, 4)));

        InvariantResult result = books.judge().get("flash-sale-books");

        assertFailsWith(result, "sale confirmed-unsold", "sale sold-unheld");
        assertThat(result.offenders()).containsExactly("sale confirmed-unsold (4 CONFIRMED orders, 3 units sold)",
                "sale sold-unheld (4 units sold, 3 orders hold one)");
    }

    @Test
    void anOutboxRowUnsentPastTheGraceFailsWithItsOrderAndOneWithinItDoesNot() {
        Books books = new Books();
        books.outbox = new Snapshot.Outbox(true, 3, List.of(
                new Snapshot.Unsent(1, "stuck", NOW.minus(Invariants.OUTBOX_GRACE).minusSeconds(1)),
                new Snapshot.Unsent(3, "fresh", NOW.minusSeconds(1))));

        InvariantResult result = books.judge().get("outbox-drained");

        assertFailsWith(result, "stuck");
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void theOutboxIsSkippedWhenNothingWentThroughItOrTheSchemaHasNoOutbox() {
        Books books = new Books();
        assertThat(books.judge().get("outbox-drained").status()).isEqualTo(Status.SKIP);
        books.outbox = new Snapshot.Outbox(true, 0, List.of());
        assertThat(books.judge().get("outbox-drained").status()).isEqualTo(Status.SKIP);
        books.outbox = new Snapshot.Outbox(true, 5, List.of());
        assertThat(books.judge().get("outbox-drained").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anInvariantThatCheckedNothingIsSkippedWithTheReasonNeverPassed() {
        Map<String, InvariantResult> results = new Books().judge();

        assertThat(results.values()).allSatisfy(result -> assertThat(result.status()).as(result.name())
                .isEqualTo(Status.SKIP));
        assertThat(results.get("confirmed-orders-applied-once").offenders()).containsExactly("no CONFIRMED orders");
        assertThat(results.get("cancelled-orders-net-zero").offenders()).containsExactly("no CANCELLED orders");
        assertThat(results.get("stock-books-balance").offenders()).containsExactly("no products");
        assertThat(results.get("money-books-balance").offenders()).containsExactly("no accounts");
        assertThat(results.get("no-effect-applied-twice").offenders()).containsExactly("no movements");
        assertThat(results.get("every-order-published").offenders()).containsExactly("no orders");
        assertThat(results.get("every-order-delivered").offenders())
                .containsExactly("no CONFIRMED orders and no PENDING order older than 51 s");
        assertThat(results.get("no-stale-pending").offenders()).containsExactly("no orders");
        assertThat(results.get("flash-sale-books").offenders()).containsExactly("no flash sales");
    }

    @Test
    void anExpectedInvariantThatCheckedNothingFailsAndSaysWhy() {
        Invariants expecting = new Invariants(Duration.ofSeconds(90), Instant.EPOCH, Invariants.DELIVERY_HORIZON,
                Set.of("confirmed-orders-applied-once", "flash-sale-books"));
        Books books = new Books().cancelled("x-1");

        Map<String, InvariantResult> results = judge(expecting, books.build());

        assertFailsWith(results.get("confirmed-orders-applied-once"),
                "nothing checked, but data was expected: no CONFIRMED orders");
        assertFailsWith(results.get("flash-sale-books"), "nothing checked, but data was expected: no flash sales");
        assertThat(results.get("cancelled-orders-net-zero").status()).isEqualTo(Status.PASS);
        assertThat(judge(expecting, consistent().build()).values()).noneMatch(InvariantResult::failed);
        assertThatThrownBy(() -> new Invariants(Duration.ofSeconds(90), Instant.EPOCH, Invariants.DELIVERY_HORIZON,
                Set.of("no-such-invariant"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSnapshotsReadAtDifferentTimesAgreeWhenTheirDataIsTheSame() {
        Snapshot first = consistent().build();
        Snapshot later = new Snapshot(first.orders(), first.stock(), first.money(), first.products(), first.accounts(),
                first.repeatedMovements(), first.published(), NOW.plusSeconds(1), first.sales(), first.outbox(),
                first.delivered());
        Books changed = consistent();
        changed.payment.remove("c-1");

        assertThat(first.sameData(later)).isTrue();
        assertThat(first.sameData(changed.build())).isFalse();
    }

    private static void assertFailsWith(InvariantResult result, String... ids) {
        assertThat(result.status()).as(result.name()).isEqualTo(Status.FAIL);
        assertThat(result.violations()).as(result.name()).isEqualTo(ids.length);
        for (String id : ids) {
            assertThat(result.offenders()).as(result.name()).anyMatch(offender -> offender.startsWith(id));
        }
    }
}
