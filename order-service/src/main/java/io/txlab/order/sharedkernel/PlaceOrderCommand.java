package io.txlab.order.sharedkernel;

import java.util.ArrayList;
import java.util.List;

/** A client's request to place an order; {@code requestId} is its idempotency key. */
public record PlaceOrderCommand(String requestId, Long userId, Long productId, Integer quantity) {

    public static final int MAX_QUANTITY = 100;
    public static final int MAX_REQUEST_ID_LENGTH = 64;

    public PlaceOrderCommand {
        List<String> errors = new ArrayList<>();
        if (requestId == null || requestId.isBlank()) {
            errors.add("requestId is required");
        } else if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
            errors.add("requestId must be at most " + MAX_REQUEST_ID_LENGTH + " characters");
        } else if (requestId.chars().anyMatch(Character::isISOControl)) {
            errors.add("requestId must not contain control characters");
        }
        if (userId == null || userId <= 0) {
            errors.add("userId must be a positive number");
        }
        if (productId == null || productId <= 0) {
            errors.add("productId must be a positive number");
        }
        if (quantity == null || quantity <= 0 || quantity > MAX_QUANTITY) {
            errors.add("quantity must be between 1 and " + MAX_QUANTITY);
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
    }
}
