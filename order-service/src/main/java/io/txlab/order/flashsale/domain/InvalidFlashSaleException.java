package io.txlab.order.flashsale.domain;

import java.util.List;

/** A flash sale request that breaks the rules; {@link #errors()} lists each problem. */
public final class InvalidFlashSaleException extends RuntimeException {

    private final List<String> errors;

    public InvalidFlashSaleException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
