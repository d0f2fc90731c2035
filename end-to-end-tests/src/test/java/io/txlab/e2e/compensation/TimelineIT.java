package io.txlab.e2e.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The timeline of a cancelled order shows every step, from all three services, in the order they happened. */
@ExtendWith(PlatformExtension.class)
class TimelineIT {

    private static final Duration CONVERGED = Duration.ofSeconds(45);

    /** A step as the timeline shows it: service, step name and a piece of its detail. */
    private record Step(String service, String step, String detail) {

        boolean matches(JsonNode entry) {
            return entry.path("service").asString().equals(service) && entry.path("step").asString().equals(step)
                    && entry.path("detail").asString().contains(detail);
        }
    }

    @Test
    void theTimelineOfACancelledOrderListsEveryStepInOrder(PlatformClient api, Platform platform) {
        // The order service answers UNKNOWN after committing OrderCreated and again after OrderCancelled, so the
        // broker checks both back; payment's first delivery fails, so inventory deducts first and the cancel
        // must release it.
        platform.faults(Service.ORDER).arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.unknown(2));
        platform.faults(Service.PAYMENT).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(1));
        String orderId = api.placeOrder(UUID.randomUUID().toString(), 93, 1, 1).text("orderId");
        await().atMost(CONVERGED).until(() -> api.timeline(orderId).body().path("entries").toString()
                .contains("STOCK_RELEASED") && api.timeline(orderId).body().path("entries").toString().contains("NOTHING_TO_UNDO"));

        Reply timeline = api.timeline(orderId);

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.text("status")).isEqualTo("CANCELLED");
        assertThat(timeline.text("reason")).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(timeline.body().path("unavailable")).isEmpty();
        List<JsonNode> entries = new ArrayList<>();
        timeline.body().path("entries").forEach(entries::add);
        assertChronological(entries);
        // The placing and its check-back; inventory deducts; the cancel; inventory releases.
        assertInOrder(entries,
                new Step("order", "HALF_MESSAGE_SENT", "OrderCreated"),
                new Step("order", "LOCAL_TX_COMMITTED", "OrderCreated"),
                new Step("order", "CHECK_BACK", "#1 for OrderCreated answered COMMIT"),
                new Step("inventory", "CONSUMED", "OrderCreated"),
                new Step("inventory", "STOCK_DEDUCTED", "1 unit(s) of product 1"),
                new Step("order", "CONSUMED", "ParticipantReplied:inventory"),
                new Step("order", "HALF_MESSAGE_SENT", "OrderCancelled"),
                new Step("order", "CONSUMED", "ParticipantReplied:payment"),
                new Step("order", "LOCAL_TX_COMMITTED", "OrderCancelled"),
                new Step("order", "CHECK_BACK", "#1 for OrderCancelled answered COMMIT"),
                new Step("inventory", "CONSUMED", "OrderCancelled"),
                new Step("inventory", "STOCK_RELEASED", "1 unit(s) of product 1"));
        // Payment's failed delivery, its redelivery and refusal, which triggers the cancel.
        assertInOrder(entries,
                new Step("order", "CHECK_BACK", "answered COMMIT"),
                new Step("payment", "DELIVERY_FAILED", "delivery #1 of OrderCreated failed"),
                new Step("payment", "CONSUMED", "OrderCreated"),
                new Step("payment", "REJECTED", "INSUFFICIENT_BALANCE"),
                new Step("order", "HALF_MESSAGE_SENT", "OrderCancelled"));
        assertInOrder(entries,
                new Step("order", "CHECK_BACK", "for OrderCancelled answered COMMIT"),
                new Step("payment", "CONSUMED", "OrderCancelled"),
                new Step("payment", "NOTHING_TO_UNDO", "nothing was applied here"));
        assertThat(entries).as("a participant's reply is a plain message, no half message").noneMatch(entry ->
                !entry.path("service").asString().equals("order")
                        && entry.path("step").asString().startsWith("HALF_MESSAGE"));
        JsonNode checkBack = entries.stream().filter(new Step("order", "CHECK_BACK", "")::matches).findFirst().orElseThrow();
        assertThat(checkBack.path("instance").asString()).startsWith("order@");
        assertThat(checkBack.path("txId").asString()).isNotBlank();
    }

    @Test
    void recentCheckBacksCanBeFilteredByAnswerAndBadQueriesAreExplained(PlatformClient api, Platform platform) {
        Instant before = Instant.now();
        platform.faults(Service.ORDER).arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.unknown(1));
        String orderId = api.placeOrder(UUID.randomUUID().toString(), 17, 4, 1).text("orderId");
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));

        Reply commits = api.recentCheckBacks("since=" + before + "&answer=commit");
        Reply rollbacks = api.recentCheckBacks("since=" + before + "&answer=ROLLBACK");
        Reply bad = api.recentCheckBacks("since=yesterday&answer=MAYBE&limit=0");

        assertThat(commits.status()).isEqualTo(200);
        assertThat(commits.body().findValuesAsString("orderId")).contains(orderId);
        assertThat(rollbacks.body().findValuesAsString("orderId")).doesNotContain(orderId);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().path("errors")).hasSize(3);
    }

    @Test
    void anUnknownOrderHasNoTimeline(PlatformClient api) {
        Reply timeline = api.timeline(UUID.randomUUID().toString());

        assertThat(timeline.status()).isEqualTo(404);
        assertThat(timeline.contentType()).startsWith("application/problem+json");
    }

    private static void assertChronological(List<JsonNode> entries) {
        for (int i = 1; i < entries.size(); i++) {
            assertThat(Instant.parse(entries.get(i).path("at").asString()))
                    .isAfterOrEqualTo(Instant.parse(entries.get(i - 1).path("at").asString()));
        }
    }

    private static void assertInOrder(List<JsonNode> entries, Step... steps) {
        int from = 0;
        for (Step step : steps) {
            int found = -1;
            for (int i = from; i < entries.size() && found < 0; i++) {
                found = step.matches(entries.get(i)) ? i : -1;
            }
            assertThat(found).as("%s after position %d in %s", step, from, entries).isGreaterThanOrEqualTo(0);
            from = found + 1;
        }
    }
}
