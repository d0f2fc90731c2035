package io.txlab.order.sharedkernel;

import java.util.List;

public final class InvalidOrderException extends RuntimeException {

    private final List<String> errors;

    public InvalidOrderException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
