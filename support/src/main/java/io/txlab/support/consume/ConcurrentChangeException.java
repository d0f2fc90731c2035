package io.txlab.support.consume;

/**
 * An optimistic check in a WHERE clause matched no row: what the handler decided on has changed since it
 * read it. The idempotent consumer retries the whole handling a few times before giving up.
 */
public final class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String what) {
        super(what);
    }
}
