package io.txlab.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.OrderCreated;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.trace.Spans;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** What a listener does with a delivery before and around its application service. */
class InboundEventsTest {

    private static final int MAX_RECONSUME_TIMES = 16;

    private final DeliveryFailures failures = mock(DeliveryFailures.class);
    private final InboundEvents inbound = new InboundEvents(new EventReader(new JsonCodec()), failures,
            MAX_RECONSUME_TIMES, new FaultPoints("inventory", false), TxLabMeters.none(),
            Spans.none(java.time.Clock.systemUTC()));
    private final RecordingSendBack sendBack = RecordingSendBack.working();

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

        inbound.dispatch("inventory", delivery(cancelled(), 0), OrderCancelled.class, handled::add, sendBack);

        assertThat(handled).extracting(OrderCancelled::orderId).containsExactly("o-1");
        assertThat(sendBack.parked).isEmpty();
    }

    @Test
    void aFailingHandlerIsRecordedAndRethrownSoTheBrokerRedelivers() {
        IllegalStateException failure = new IllegalStateException("database down");

        assertThatThrownBy(() -> inbound.dispatch("inventory", delivery(cancelled(), 2), OrderCancelled.class, event -> {
            throw failure;
        }, sendBack)).isSameAs(failure);

        verify(failures).record("inventory", OrderCancelled.TYPE, "o-1", "m-1", 2, failure.toString());
    }

    @Test
    void theLastFailingDeliveryIsMarkedAsGoingToTheDlq() {
        assertThatThrownBy(() -> inbound.dispatch("payment", delivery(cancelled(), MAX_RECONSUME_TIMES),
                OrderCancelled.class, event -> {
                    throw new IllegalStateException("still failing");
                }, sendBack)).isInstanceOf(IllegalStateException.class);

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
        }, sendBack)).isSameAs(failure);
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

        inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1"), deliveryOf("o-2"), deliveryOf("o-3")),
                OrderCancelled.class, events -> calls.add(events.stream().map(OrderCancelled::orderId).toList()),
                sendBack);

        assertThat(calls).containsExactly(List.of("o-1", "o-2", "o-3"));
        assertThat(sendBack.retried).isEmpty();
    }

    @Test
    void oneBadMessageDoesNotPoisonItsBatch() {
        List<String> committed = new ArrayList<>();
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
        assertThatThrownBy(() -> inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1")), OrderCancelled.class,
                events -> {
                    throw new IllegalStateException("database down");
                }, sendBack)).hasMessage("database down");
        assertThat(sendBack.retried).isEmpty();
    }

    // Poison messages: they would fail the same way on every delivery, so each is parked at once.

    private static MessageExt poison(String body, String keys, String eventType) {
        MessageExt message = delivery(body.getBytes(StandardCharsets.UTF_8), 0);
        message.setMsgId("m-poison");
        if (keys != null) {
            message.setKeys(keys);
        }
        if (eventType != null) {
            message.putUserProperty(PlainMessages.EVENT_TYPE_PROPERTY, eventType);
        }
        return message;
    }

    private static MessageExt newerOrderCreated(String orderId, int version) {
        MessageExt message = delivery(new JsonCodec().encode(new OrderCreated(OrderCreated.TYPE, version, orderId, 1, 1,
                1, 100, Instant.EPOCH, null)), 0);
        message.setMsgId("m-" + orderId);
        message.setKeys(orderId);
        message.putUserProperty(PlainMessages.EVENT_TYPE_PROPERTY, OrderCreated.TYPE);
        return message;
    }

    private static <T> Consumer<T> mustNotBeCalled() {
        return event -> {
            throw new AssertionError("a poison message reached the handler");
        };
    }

    @Test
    void anUnreadablePayloadIsParkedAtOnceUnderItsKeyNotRetried() {
        MessageExt garbage = poison("{not json", "o-9", OrderCancelled.TYPE);

        inbound.dispatch("inventory", garbage, OrderCancelled.class, mustNotBeCalled(), sendBack);

        assertThat(sendBack.parked).containsExactly(garbage);
        assertThat(sendBack.retried).isEmpty();
        verify(failures).record(eq("inventory"), eq(OrderCancelled.TYPE), eq("o-9"), eq("m-poison"), eq(0),
                startsWith("[parked: unreadable payload] payload is not a valid OrderCancelled: "));
    }

    @Test
    void aMessageThatSaysItIsAnotherTypeIsParked() {
        MessageExt shipped = poison("{\"type\":\"OrderShipped\",\"version\":1,\"orderId\":\"o-7\"}", "o-7",
                "OrderShipped");

        inbound.dispatch("inventory", shipped, OrderCancelled.class, mustNotBeCalled(), sendBack);

        assertThat(sendBack.parked).containsExactly(shipped);
        verify(failures).record("inventory", "OrderShipped", "o-7", "m-poison", 0, "[parked: unknown type OrderShipped] "
                + "its eventType property is OrderShipped, and this consumer reads only OrderCancelled");
    }

    @Test
    void aPayloadOfAnotherTypeIsParkedWithoutTheEventTypePropertyAndUnderTheOrderItNames() {
        MessageExt shipped = poison("{\"type\":\"OrderShipped\",\"version\":1,\"orderId\":\"o-7\"}", null, null);

        inbound.dispatch("payment", shipped, OrderCancelled.class, mustNotBeCalled(), sendBack);

        assertThat(sendBack.parked).containsExactly(shipped);
        verify(failures).record("payment", "OrderShipped", "o-7", "m-poison", 0, "[parked: unknown type OrderShipped] "
                + "its payload's type is OrderShipped, and this consumer reads only OrderCancelled");
    }

    @Test
    void aNewerVersionIsParkedEvenThoughItDecodes() {
        MessageExt newer = newerOrderCreated("o-5", 99);

        inbound.dispatch("inventory", newer, OrderCreated.class, mustNotBeCalled(), sendBack);

        assertThat(sendBack.parked).containsExactly(newer);
        verify(failures).record("inventory", OrderCreated.TYPE, "o-5", "m-o-5", 0, "[parked: version 99 newer than "
                + "known 2] OrderCreated version 99, and this consumer reads up to version 2");
    }

    @Test
    void aNewerVersionThatNoLongerDecodesIsNamedAsNewerNotAsGarbage() {
        MessageExt newer = poison("{\"type\":\"OrderCreated\",\"version\":3,\"orderId\":\"o-6\",\"quantity\":0}",
                "o-6", OrderCreated.TYPE);

        inbound.dispatch("inventory", newer, OrderCreated.class, mustNotBeCalled(), sendBack);

        assertThat(sendBack.parked).containsExactly(newer);
        verify(failures).record(eq("inventory"), eq(OrderCreated.TYPE), eq("o-6"), eq("m-poison"), eq(0),
                startsWith("[parked: version 3 newer than known 2] "));
    }

    @Test
    void anOlderVersionThisCodeStillKnowsIsHandled() {
        List<OrderCreated> handled = new ArrayList<>();
        MessageExt version1 = poison("{\"type\":\"OrderCreated\",\"version\":1,\"orderId\":\"o-4\",\"userId\":1,"
                + "\"productId\":2,\"quantity\":3,\"amountCents\":400}", "o-4", OrderCreated.TYPE);

        inbound.dispatch("inventory", version1, OrderCreated.class, handled::add, sendBack);

        assertThat(handled).extracting(OrderCreated::orderId).containsExactly("o-4");
        assertThat(sendBack.parked).isEmpty();
    }

    @Test
    void aParkedMessageThatNamesNoOrderIsRecordedUnderNone() {
        inbound.dispatch("inventory", poison("\u0000garbage", null, null), OrderCancelled.class, mustNotBeCalled(),
                sendBack);

        verify(failures).record(eq("inventory"), eq(OrderCancelled.TYPE), eq(InboundEvents.NO_ORDER), eq("m-poison"),
                eq(0), startsWith("[parked: unreadable payload] "));
    }

    @Test
    void aPoisonMessageThatCannotBeParkedFailsItsDeliverySoTheBrokerRedeliversIt() {
        MessageExt garbage = poison("{not json", "o-9", OrderCancelled.TYPE);

        assertThatThrownBy(() -> inbound.dispatch("inventory", garbage, OrderCancelled.class, mustNotBeCalled(),
                RecordingSendBack.brokerDown())).hasMessageContaining("broker down");

        verify(failures).record(eq("inventory"), eq(OrderCancelled.TYPE), eq("o-9"), eq("m-poison"), eq(0),
                startsWith("not parked (unreadable payload): java.lang.IllegalStateException: could not send"));
    }

    @Test
    void poisonMessagesOfABatchAreParkedAndTheOthersHandledInOneCall() {
        List<List<String>> calls = new ArrayList<>();
        MessageExt garbage = poison("{not json", "o-2", OrderCancelled.TYPE);
        MessageExt shipped = poison("{\"type\":\"OrderShipped\",\"version\":1,\"orderId\":\"o-4\"}", "o-4",
                "OrderShipped");
        MessageExt newer = delivery(new JsonCodec().encode(new OrderCancelled(OrderCancelled.TYPE, 99, "o-6",
                "PENDING_TIMEOUT", Instant.EPOCH)), 0);

        inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1"), garbage, deliveryOf("o-3"), shipped, newer,
                        deliveryOf("o-5")), OrderCancelled.class,
                events -> calls.add(events.stream().map(OrderCancelled::orderId).toList()), sendBack);

        assertThat(calls).as("the good ones, in one call").containsExactly(List.of("o-1", "o-3", "o-5"));
        assertThat(sendBack.parked).containsExactly(garbage, shipped, newer);
        assertThat(sendBack.retried).isEmpty();
    }

    @Test
    void aBatchOfPoisonOnlyNeverReachesTheHandler() {
        inbound.dispatchBatch("inventory", List.of(poison("{not json", "o-2", null), poison("[]", "o-3", null)),
                OrderCancelled.class, mustNotBeCalled(), sendBack);

        assertThat(sendBack.parked).hasSize(2);
    }

    @Test
    void aPoisonMessageThatCannotBeParkedFailsTheWholeBatchSoNothingIsLost() {
        List<String> handled = new ArrayList<>();

        assertThatThrownBy(() -> inbound.dispatchBatch("inventory", List.of(deliveryOf("o-1"),
                        poison("{not json", "o-2", null), deliveryOf("o-3")), OrderCancelled.class,
                events -> events.forEach(event -> handled.add(event.orderId())), RecordingSendBack.brokerDown()))
                .hasMessageContaining("broker down");
        assertThat(handled).as("delivered again with the batch").isEmpty();
    }
}
