package io.txlab.order.ordering.application;

import java.util.List;

/** A {@code publish} parameter that names no {@link PublishMode}: a client error. */
public final class UnknownPublishModeException extends RuntimeException {

    private final List<String> accepted;

    UnknownPublishModeException(String value, List<String> accepted) {
        super("unknown publish mode '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                + "'; accepted: " + String.join(", ", accepted));
        this.accepted = List.copyOf(accepted);
    }

    public List<String> accepted() {
        return accepted;
    }
}
