package io.txlab.order.ordering.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.logging.LogContext;
import io.txlab.support.trace.TraceContext;
import io.txlab.support.trace.Traces;
import io.txlab.support.messaging.PlainMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One relay step: claims the oldest unsent outbox rows, sends them to the broker and marks them sent, in one
 * DB transaction. If the send fails the transaction rolls back and the rows stay unsent for the next step;
 * if the process dies after the send and before the commit, they are sent again (at-least-once).
 */
@Component
class RelayOutboxBatch implements BatchRelay {

    private static final Logger log = LoggerFactory.getLogger(RelayOutboxBatch.class);

    private final Outbox outbox;
    private final PlainMessages sender;
    private final FaultPoints faults;
    private final TransactionTemplate transactions;

    RelayOutboxBatch(Outbox outbox, PlainMessages sender, FaultPoints faults,
                     PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.sender = sender;
        this.faults = faults;
        this.transactions = new TransactionTemplate(transactionManager);
        // READ COMMITTED: the claim locks only the rows it returns. Under REPEATABLE READ it would also lock
        // the gap after the last unsent row, where every new outbox row is inserted, and so hold up each
        // order placed while a batch is being sent.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * @return how many rows were sent (0: none was unsent, or all were claimed by another instance)
     * @throws BatchFailedException when the batch was claimed but not sent; it is recorded on its rows
     */
    @Override
    public int relayNext(int batchSize) {
        long started = System.nanoTime();
        List<OutboxEvent> sent;
        try {
            sent = transactions.execute(status -> {
                List<OutboxEvent> claimed = outbox.claimUnsent(batchSize);
                if (!claimed.isEmpty()) {
                    sendAndMark(claimed);
                }
                return claimed;
            });
        } catch (BatchFailedException e) {
            recordFailure(e);
            throw e;
        }
        if (!sent.isEmpty()) {
            try (var ignored = LogContext.order(sent.size() == 1 ? sent.get(0).orderId() : null)) {
                log.info("outbox relay sent {} event(s), outbox ids {}..{}, in {} ms", sent.size(), sent.get(0).id(),
                        sent.get(sent.size() - 1).id(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        return sent.size();
    }

    @Override
    public boolean anyUnsent() {
        return outbox.hasUnsent();
    }

    private void sendAndMark(List<OutboxEvent> claimed) {
        try {
            faults.pass(FaultPoint.OUTBOX_RELAY);
            Map<String, TraceContext> traces = new HashMap<>();
            claimed.forEach(event -> event.trace().ifPresent(trace -> traces.put(event.orderId(), trace)));
            try (var scope = Traces.openForOrders(traces)) {
                sender.send(claimed.stream().map(OutboxEvent::outgoing).toList());
            }
        } catch (RuntimeException e) {
            throw new BatchFailedException(claimed, e);
        }
        outbox.markSent(claimed.stream().map(OutboxEvent::id).toList());
    }

    /** Best effort and outside the rolled-back transaction: the rows stay unsent whether this works or not. */
    private void recordFailure(BatchFailedException e) {
        try {
            outbox.recordFailure(e.ids(), e.getCause().toString());
        } catch (RuntimeException unrecorded) {
            log.warn("outbox send failure not recorded on its rows: {}", unrecorded.toString());
        }
    }

    static final class BatchFailedException extends RuntimeException {

        private final transient List<OutboxEvent> events;

        BatchFailedException(List<OutboxEvent> events, RuntimeException cause) {
            super("outbox batch of " + events.size() + " not sent (orders " + orderIds(events) + "): " + cause, cause);
            this.events = events;
        }

        List<Long> ids() {
            return events.stream().map(OutboxEvent::id).toList();
        }

        List<OutboxEvent> events() {
            return events;
        }

        private static String orderIds(List<OutboxEvent> events) {
            List<String> ids = events.stream().map(OutboxEvent::orderId).toList();
            return ids.size() <= 10 ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
        }
    }
}
