package io.txlab.support.consume;

/**
 * A dedup row written inside a transaction the consumption did not open (a half message's local transaction)
 * found the delivery consumed already: that transaction must roll back. Caught by {@link Consumption}.
 */
final class AlreadyConsumedException extends RuntimeException {

    AlreadyConsumedException(String consumer, String dedupKey) {
        super(consumer + " already consumed " + dedupKey);
    }
}
