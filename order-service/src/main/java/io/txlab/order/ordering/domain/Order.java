package io.txlab.order.ordering.domain;

import java.time.Instant;
import java.util.Objects;

import io.txlab.contracts.event.Participant;
import io.txlab.order.sharedkernel.PlaceOrderCommand;

/**
 * An order and its state machine: PENDING until both participants replied; CONFIRMED when both applied
 * their part; CANCELLED as soon as one rejected. A final status never changes again.
 *
 * @param saleId the flash sale the order was bought in, or null
 */
public record Order(String orderId, String requestId, long userId, long productId, int quantity,
                    long amountCents, OrderStatus status, PartOutcome inventory, PartOutcome payment,
                    String reason, int version, Instant createdAt, String saleId) {

    public enum Part {
        INVENTORY, PAYMENT;

        /** The part {@code participant} reports on. */
        public static Part of(Participant participant) {
            return switch (participant) {
                case INVENTORY -> INVENTORY;
                case PAYMENT -> PAYMENT;
            };
        }
    }

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
    }

    public static Order place(String orderId, PlaceOrderCommand command, Product product, Instant now) {
        return placeInSale(orderId, command, product, null, now);
    }

    /** An order of a flash sale: one unit of the sale's product, at its price. */
    public static Order placeInSale(String orderId, PlaceOrderCommand command, Product product, String saleId,
                                    Instant now) {
        long amount = Math.multiplyExact(product.priceCents(), command.quantity());
        return new Order(orderId, command.requestId(), command.userId(), product.productId(), command.quantity(),
                amount, OrderStatus.PENDING, PartOutcome.AWAITED, PartOutcome.AWAITED, null, 0, now, saleId);
    }

    /** The order after a participant's reply; a repeated reply for a part already reported changes nothing. */
    public Order withReply(Part part, boolean applied, String rejectionReason) {
        if (outcomeOf(part) != PartOutcome.AWAITED) {
            return this;
        }
        PartOutcome outcome = applied ? PartOutcome.APPLIED : PartOutcome.REJECTED;
        PartOutcome newInventory = part == Part.INVENTORY ? outcome : inventory;
        PartOutcome newPayment = part == Part.PAYMENT ? outcome : payment;
        String newReason = reason == null && !applied ? rejectionReason : reason;
        return new Order(orderId, requestId, userId, productId, quantity, amountCents,
                nextStatus(newInventory, newPayment), newInventory, newPayment, newReason, version, createdAt, saleId);
    }

    /**
     * The order cancelled because it cannot finish (for example no reply came in time).
     *
     * @throws IllegalStateException when the order is final already
     */
    public Order cancel(String cancelReason) {
        if (status.isFinal()) {
            throw new IllegalStateException("order " + orderId + " is " + status + " already");
        }
        Objects.requireNonNull(cancelReason, "cancelReason");
        return new Order(orderId, requestId, userId, productId, quantity, amountCents, OrderStatus.CANCELLED,
                inventory, payment, cancelReason, version, createdAt, saleId);
    }

    /** True when this version of the order, compared with {@code before}, is the move to CANCELLED. */
    public boolean cancels(Order before) {
        return !before.status.isFinal() && status == OrderStatus.CANCELLED;
    }

    public PartOutcome outcomeOf(Part part) {
        return part == Part.INVENTORY ? inventory : payment;
    }

    private OrderStatus nextStatus(PartOutcome newInventory, PartOutcome newPayment) {
        if (status.isFinal()) {
            return status;
        }
        if (newInventory == PartOutcome.REJECTED || newPayment == PartOutcome.REJECTED) {
            return OrderStatus.CANCELLED;
        }
        if (newInventory == PartOutcome.APPLIED && newPayment == PartOutcome.APPLIED) {
            return OrderStatus.CONFIRMED;
        }
        return OrderStatus.PENDING;
    }
}
