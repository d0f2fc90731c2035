package io.txlab.support.participant;

/** A participant's decision on an order: apply its part, or reject the order with a reason. */
public record Verdict(boolean accepted, String reason) {

    public Verdict {
        if (accepted == (reason != null)) {
            throw new IllegalArgumentException("an accepted verdict has no reason, a rejected one has one");
        }
    }

    public static Verdict accept() {
        return new Verdict(true, null);
    }

    public static Verdict reject(String reason) {
        return new Verdict(false, reason);
    }
}
