package io.txlab.support.consume;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.txlab.support.lock.ContentionLocks;
import io.txlab.support.metrics.TxLabMeters;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The consumed_message table in memory, for unit tests without a database: its rows, their duplicate counts,
 * and {@link #consumption()}, a {@link Consumption} over them whose transactions roll these rows back when
 * they throw.
 */
public final class InMemoryConsumedMessages implements ConsumedMessages {

    /** Duplicates counted per row, by consumer and dedup key. */
    private Map<String, Integer> rows = new HashMap<>();

    @Override
    public boolean recordOrCountDuplicate(String consumer, String dedupKey, String orderId) {
        return rows.merge(consumer + "|" + dedupKey, 0, (duplicates, none) -> duplicates + 1) == 0;
    }

    @Override
    public Set<String> recordAllOrCountDuplicates(String consumer, List<Delivered> deliveries) {
        Set<String> there = new HashSet<>();
        for (Delivered delivery : deliveries) {
            if (!recordOrCountDuplicate(consumer, delivery.dedupKey(), delivery.orderId())) {
                there.add(delivery.dedupKey());
            }
        }
        return there;
    }

    @Override
    public void countDuplicate(String consumer, String dedupKey) {
        rows.computeIfPresent(consumer + "|" + dedupKey, (key, duplicates) -> duplicates + 1);
    }

    public boolean recorded(String consumer, String dedupKey) {
        return rows.containsKey(consumer + "|" + dedupKey);
    }

    public int duplicates(String consumer, String dedupKey) {
        return rows.getOrDefault(consumer + "|" + dedupKey, 0);
    }

    /** A consumption over these rows, with no lock to take. */
    public Consumption consumption() {
        return consumption(TxLabMeters.none());
    }

    public Consumption consumption(TxLabMeters meters) {
        return new Consumption((consumer, orderIds) -> NOT_HELD, this, transactions(), meters);
    }

    /** Transactions that undo these rows' changes when the work throws; marked active while they run. */
    TransactionOperations transactions() {
        return new TransactionOperations() {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                Map<String, Integer> before = new HashMap<>(rows);
                TransactionSynchronizationManager.setActualTransactionActive(true);
                try {
                    return action.doInTransaction(new SimpleTransactionStatus());
                } catch (RuntimeException e) {
                    rows = before;
                    throw e;
                } finally {
                    TransactionSynchronizationManager.setActualTransactionActive(false);
                }
            }
        };
    }

    private static final ContentionLocks.Held NOT_HELD = new ContentionLocks.Held() {
        @Override
        public boolean held() {
            return false;
        }

        @Override
        public void close() {
        }
    };
}
