package io.txlab.support.tx;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;

/**
 * The tx_log in memory, with its unique key on the transaction id: the first row stays, a COMMITTED row after
 * any other fails on the key. {@link #unreadable} makes every call fail, as a database that is down.
 */
final class InMemoryTransactionLog implements TransactionLog {

    record Row(Status status, DecidedBy decidedBy) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private RuntimeException down;

    void unreadable(RuntimeException failure) {
        down = failure;
    }

    Optional<Row> rowOf(String txId) {
        return Optional.ofNullable(rows.get(txId));
    }

    @Override
    public void recordCommitted(String txId, PendingPublish pending) {
        failIfDown();
        if (rows.putIfAbsent(txId, new Row(Status.COMMITTED, DecidedBy.LOCAL_TX)) != null) {
            throw new DuplicateKeyException("Duplicate entry '" + txId + "' for key 'PRIMARY'");
        }
    }

    @Override
    public Status resolve(String txId, String orderId, String eventType, DecidedBy decidedBy, Instant sentAt) {
        failIfDown();
        return rows.computeIfAbsent(txId, id -> new Row(Status.ROLLED_BACK, decidedBy)).status();
    }

    private void failIfDown() {
        if (down != null) {
            throw down;
        }
    }
}
