package io.txlab.devstack;

/**
 * A part of the stack could not be started. The message is one line that names the part and, where it
 * applies, the port, so the launcher can print it as is.
 */
public final class DevStackException extends RuntimeException {

    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
