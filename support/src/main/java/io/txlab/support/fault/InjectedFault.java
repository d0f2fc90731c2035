package io.txlab.support.fault;

/** Thrown by an armed fault point; never thrown when no fault is armed. */
public final class InjectedFault extends RuntimeException {

    public InjectedFault(String point) {
        super("fault injected at " + point);
    }
}
