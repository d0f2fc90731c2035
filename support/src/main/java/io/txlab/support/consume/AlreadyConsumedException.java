package io.txlab.support.consume;

/** The message was already applied by this consumer; the enclosing DB transaction must roll back. */
public final class AlreadyConsumedException extends RuntimeException {

    public AlreadyConsumedException(String consumer, String dedupKey) {
        super(consumer + " already consumed " + dedupKey);
    }
}
