package io.txlab.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.txlab.common.event.OrderCancelled;
import io.txlab.common.fault.FaultPoints;
import io.txlab.common.json.JsonCodec;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** What a listener does with a delivery before and around its application service. */
class InboundEventsTest {

    private static final int MAX_RECONSUME_TIMES = 16;

    private final DeliveryFailures failures = mock(DeliveryFailures.class);
    private final InboundEvents inbound = new InboundEvents(new JsonCodec(), failures, MAX_RECONSUME_TIMES,
            new FaultPoints(false));

    private static MessageExt delivery(byte[] body, int reconsumeTimes) {
        MessageExt message = new MessageExt();
        message.setBody(body);
        message.setMsgId("m-1");
        message.setReconsumeTimes(reconsumeTimes);
        return message;
    }

    private static byte[] cancelled() {
        return new JsonCodec().encode(OrderCancelled.of("o-1", "PENDING_TIMEOUT", Instant.EPOCH));
    }

    @Test
    void handsTheDecodedEventToTheHandler() {
        List<OrderCancelled> handled = new ArrayList<>();

        inbound.dispatch("inventory", delivery(cancelled(), 0), OrderCancelled.class, handled::add);

        assertThat(handled).extracting(OrderCancelled::orderId).containsExactly("o-1");
    }

    @Test
    void dropsAPayloadThatCanNeverBeReadInsteadOfRetryingIt() {
        inbound.dispatch("inventory", delivery("{not json".getBytes(StandardCharsets.UTF_8), 0), OrderCancelled.class,
                event -> {
                    throw new AssertionError("must not be called");
                });

        verify(failures, never()).record(anyString(), anyString(), anyString(), anyString(), anyInt(), anyString());
    }

    @Test
    void aFailingHandlerIsRecordedAndRethrownSoTheBrokerRedelivers() {
        IllegalStateException failure = new IllegalStateException("database down");

        assertThatThrownBy(() -> inbound.dispatch("inventory", delivery(cancelled(), 2), OrderCancelled.class, event -> {
            throw failure;
        })).isSameAs(failure);

        verify(failures).record("inventory", OrderCancelled.TYPE, "o-1", "m-1", 2, failure.toString());
    }

    @Test
    void theLastFailingDeliveryIsMarkedAsGoingToTheDlq() {
        assertThatThrownBy(() -> inbound.dispatch("payment", delivery(cancelled(), MAX_RECONSUME_TIMES),
                OrderCancelled.class, event -> {
                    throw new IllegalStateException("still failing");
                })).isInstanceOf(IllegalStateException.class);

        verify(failures).record(eq("payment"), eq(OrderCancelled.TYPE), eq("o-1"), eq("m-1"), eq(MAX_RECONSUME_TIMES),
                startsWith(InboundEvents.DEAD_LETTERED));
    }

    @Test
    void aFailureThatCannotBeRecordedStillRethrowsTheOriginal() {
        doThrow(new IllegalStateException("no connection")).when(failures)
                .record(anyString(), anyString(), anyString(), anyString(), anyInt(), anyString());
        IllegalStateException failure = new IllegalStateException("database down");

        assertThatThrownBy(() -> inbound.dispatch("inventory", delivery(cancelled(), 0), OrderCancelled.class, event -> {
            throw failure;
        })).isSameAs(failure);
    }

    private static MessageExt deliveryOf(String orderId) {
        MessageExt message = delivery(new JsonCodec().encode(OrderCancelled.of(orderId, "PENDING_TIMEOUT", Instant.EPOCH)),
                0);
        message.setMsgId("m-" + orderId);
        return message;
    }

    @Test
    void aBatchIsHandedToTheHandlerInOneCall() {
        List<List<String>> calls = new ArrayList<>();
        RecordingSendBack sendBack = RecordingSendBack.working();

        inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1"), deliveryOf("o-2"), deliveryOf("o-3")),
                OrderCancelled.class, events -> calls.add(events.stream().map(OrderCancelled::orderId).toList()),
                sendBack);

        assertThat(calls).containsExactly(List.of("o-1", "o-2", "o-3"));
        assertThat(sendBack.retried).isEmpty();
    }

    @Test
    void oneBadMessageDoesNotPoisonItsBatch() {
        List<String> committed = new ArrayList<>();
        RecordingSendBack sendBack = RecordingSendBack.working();
        MessageExt bad = deliveryOf("o-2");

        inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1"), bad, deliveryOf("o-3")), OrderCancelled.class,
                events -> {
                    if (events.stream().anyMatch(event -> event.orderId().equals("o-2"))) {
                        throw new IllegalStateException("o-2 cannot be handled");
                    }
                    events.forEach(event -> committed.add(event.orderId()));
                }, sendBack);

        assertThat(committed).as("the others, each alone").containsExactly("o-1", "o-3");
        assertThat(sendBack.retried).as("only the bad one goes back to the broker").containsExactly(bad);
        verify(failures).record(eq("inventory"), eq(OrderCancelled.TYPE), eq("o-2"), eq("m-o-2"), eq(0),
                startsWith("java.lang.IllegalStateException: o-2 cannot be handled"));
    }

    @Test
    void aBatchOfOneFailsAsOneMessageDoesSoTheBrokerRedeliversIt() {
        RecordingSendBack sendBack = RecordingSendBack.working();

        assertThatThrownBy(() -> inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1")), OrderCancelled.class,
                events -> {
                    throw new IllegalStateException("database down");
                }, sendBack)).hasMessage("database down");
        assertThat(sendBack.retried).isEmpty();
    }

    @Test
    void anUnreadableMessageIsDroppedAndTheRestOfTheBatchHandled() {
        List<String> handled = new ArrayList<>();

        inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1"),
                        delivery("{not json".getBytes(StandardCharsets.UTF_8), 0), deliveryOf("o-3")),
                OrderCancelled.class, events -> events.forEach(event -> handled.add(event.orderId())),
                RecordingSendBack.brokerDown());

        assertThat(handled).containsExactly("o-1", "o-3");
    }
}
