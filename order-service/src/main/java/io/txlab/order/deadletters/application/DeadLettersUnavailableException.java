package io.txlab.order.deadletters.application;

/** The broker could not be read or written to for a group's dead letters now. */
public class DeadLettersUnavailableException extends RuntimeException {

    public DeadLettersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
