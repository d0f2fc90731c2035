package io.txlab.order.flashsale.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.txlab.contracts.time.TimestampRange;

/** A flash sale: {@code units} of one product, one per user, sold between {@code startsAt} and {@code endsAt}. */
public record FlashSale(String saleId, long productId, int units, Instant startsAt, Instant endsAt) {

    public static final int MAX_UNITS = 1_000_000;

    public enum Phase { NOT_STARTED, OPEN, ENDED }

    public FlashSale {
        Objects.requireNonNull(saleId, "saleId");
    }

    /**
     * @throws InvalidFlashSaleException listing every problem of the request
     */
    public static FlashSale create(String saleId, Long productId, Integer units, Instant startsAt, Instant endsAt,
                                   Instant now) {
        List<String> errors = new ArrayList<>();
        if (productId == null || productId <= 0) {
            errors.add("productId must be a positive number");
        }
        if (units == null || units <= 0 || units > MAX_UNITS) {
            errors.add("units must be between 1 and " + MAX_UNITS);
        }
        if (startsAt == null || endsAt == null) {
            errors.add("startsAt and endsAt are required (ISO-8601 instants, e.g. 2026-11-22T10:00:00Z)");
        } else if (!TimestampRange.contains(startsAt) || !TimestampRange.contains(endsAt)) {
            errors.add("startsAt and endsAt must lie " + TimestampRange.describe());
        } else if (!startsAt.isBefore(endsAt)) {
            errors.add("startsAt must be before endsAt");
        } else if (!endsAt.isAfter(now)) {
            errors.add("endsAt must be in the future");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFlashSaleException(errors);
        }
        return new FlashSale(saleId, productId, units, startsAt, endsAt);
    }

    /**
     * The id of the order a purchase request buys: the same for the same buyer and request id, so a repeat
     * of a request whose purchase is still queued (no order row yet) finds it in Redis.
     */
    public String orderIdFor(long userId, String requestId) {
        return UUID.nameUUIDFromBytes(("flash:" + saleId + ":" + userId + ":" + requestId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Phase phaseAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return Phase.NOT_STARTED;
        }
        return now.isBefore(endsAt) ? Phase.OPEN : Phase.ENDED;
    }
}
