package io.txlab.order.ordering.application;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.txlab.contracts.event.Event;
import io.txlab.support.consume.AlreadyConsumedException;
import io.txlab.support.consume.IdempotentConsumer;
import io.txlab.support.consume.IdempotentConsumer.Delivery;

/**
 * The idempotent consumer without Redis or a database: its dedup rows in a set, each handling run at once (a
 * batch's rows are taken back if its handling throws, as its rollback would). IdempotentConsumer is final and
 * built by support's wiring, so Mockito stands in for the class; only this file knows it.
 */
final class InMemoryIdempotentConsumer {

    final Set<String> dedupRows = new LinkedHashSet<>();
    final IdempotentConsumer consumer = mock(IdempotentConsumer.class);

    InMemoryIdempotentConsumer() {
        doAnswer(call -> {
            markConsumed(call.getArgument(0), call.getArgument(1));
            return null;
        }).when(consumer).markConsumed(anyString(), any());
        doAnswer(call -> {
            markConsumed(call.getArgument(0), call.getArgument(1));
            call.<Runnable>getArgument(2).run();
            return null;
        }).when(consumer).applyInTransaction(anyString(), any(), any());
        doAnswer(call -> {
            try {
                call.<Runnable>getArgument(2).run();
                return true;
            } catch (AlreadyConsumedException e) {
                return false;
            }
        }).when(consumer).runOnce(anyString(), any(), any());
        doAnswer(call -> {
            runBatch(call.getArgument(0), call.getArgument(1), call.getArgument(2), call.getArgument(3));
            return null;
        }).when(consumer).runBatch(anyString(), anyList(), any(), any());
    }

    private void markConsumed(String name, Event event) {
        if (!dedupRows.add(name + "/" + event.dedupKey())) {
            throw new AlreadyConsumedException(name, event.dedupKey());
        }
    }

    private void runBatch(String name, List<Event> events, Function<List<Delivery<Event>>, Object> handling,
                          Consumer<Object> afterCommit) {
        Set<String> before = Set.copyOf(dedupRows);
        List<Delivery<Event>> deliveries = events.stream()
                .map(event -> new Delivery<>(event, dedupRows.add(name + "/" + event.dedupKey())))
                .toList();
        Object result;
        try {
            result = handling.apply(deliveries);
        } catch (RuntimeException e) {
            dedupRows.retainAll(before);
            throw e;
        }
        afterCommit.accept(result);
    }
}
