package io.txlab.order.flashsale.application;

import java.time.Clock;
import java.util.Optional;

import io.txlab.contracts.event.FlashPurchaseAccepted;
import io.txlab.support.logging.LogContext;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.metrics.TxLabMeters.FlashGateOutcome;
import io.txlab.order.flashsale.application.FlashPurchaseRefusedException.Reason;
import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.flashsale.domain.PurchaseLimits;
import io.txlab.order.ordering.application.OrderSummaries;
import io.txlab.order.ordering.application.OrderSummary;
import io.txlab.order.ordering.application.RequestIdConflictException;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import org.springframework.stereotype.Service;

/**
 * The flash-sale gate, cheapest check first: the sale's window, this instance's sold-out flag, the rate
 * limits, then one atomic Redis take of a unit for the request's order id. An accepted purchase is stored
 * in the purchase queue and answered QUEUED at once; {@link PlaceQueuedPurchases} places its order (the
 * normal transactional flow) at the platform's own pace. So no buyer, accepted or refused, waits for
 * another buyer's order to be placed. Redis admits at most the sale's units; inventory's conditional
 * deduction from the sale's allocation is what makes overselling impossible even if Redis were wrong.
 */
@Service
public class PurchaseFlashUnit {

    private final FlashSales sales;
    private final SoldOutFlags soldOut;
    private final PurchaseLimits limits;
    private final FlashStock stock;
    private final PurchaseQueue queue;
    private final OrderSummaries orders;
    private final ReturnFlashUnit returnUnit;
    private final Clock clock;
    private final TxLabMeters meters;

    public PurchaseFlashUnit(FlashSales sales, SoldOutFlags soldOut, PurchaseLimits limits, FlashStock stock,
                             PurchaseQueue queue, OrderSummaries orders, ReturnFlashUnit returnUnit, Clock clock,
                             TxLabMeters meters) {
        this.sales = sales;
        this.soldOut = soldOut;
        this.limits = limits;
        this.stock = stock;
        this.queue = queue;
        this.orders = orders;
        this.returnUnit = returnUnit;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @throws FlashSaleNotFoundException     no such sale
     * @throws FlashPurchaseRefusedException  not open, already bought, sold out
     * @throws RateLimitedException           too many requests
     * @throws RequestIdConflictException     the request id placed another order before
     * @throws FlashStockUnavailableException Redis did not answer, or has not loaded the sale yet
     * @throws PurchaseNotQueuedException     the purchase queue did not take it (its unit went back)
     */
    public FlashPurchase purchase(String saleId, String requestId, Long userId) {
        try {
            FlashPurchase purchase = gate(saleId, requestId, userId);
            meters.flashGate(purchase.repeat() ? FlashGateOutcome.REPLAYED : FlashGateOutcome.QUEUED);
            return purchase;
        } catch (RuntimeException e) {
            meters.flashGate(refusal(e));
            throw e;
        }
    }

    private static FlashGateOutcome refusal(RuntimeException e) {
        if (e instanceof FlashPurchaseRefusedException refused) {
            return switch (refused.reason()) {
                case NOT_STARTED -> FlashGateOutcome.NOT_STARTED;
                case ENDED -> FlashGateOutcome.ENDED;
                case ALREADY_BOUGHT -> FlashGateOutcome.ALREADY_BOUGHT;
                case SOLD_OUT -> FlashGateOutcome.SOLD_OUT;
            };
        }
        if (e instanceof RateLimitedException) {
            return FlashGateOutcome.RATE_LIMITED;
        }
        if (e instanceof FlashStockUnavailableException) {
            return FlashGateOutcome.STOCK_UNAVAILABLE;
        }
        return e instanceof PurchaseNotQueuedException ? FlashGateOutcome.NOT_QUEUED : FlashGateOutcome.REFUSED_OTHER;
    }

    private FlashPurchase gate(String saleId, String requestId, Long userId) {
        FlashSale sale = sales.get(saleId);
        PlaceOrderCommand command = new PlaceOrderCommand(requestId, userId, sale.productId(), 1);
        switch (sale.phaseAt(clock.instant())) {
            case NOT_STARTED -> throw new FlashPurchaseRefusedException(Reason.NOT_STARTED, "the sale starts at "
                    + sale.startsAt());
            case ENDED -> throw new FlashPurchaseRefusedException(Reason.ENDED, "the sale ended at " + sale.endsAt());
            case OPEN -> { }
        }
        if (soldOut.isSoldOut(saleId)) {
            throw soldOut(sale);
        }
        limits.retryAfter(saleId, userId).ifPresent(wait -> {
            throw RateLimitedException.after(wait);
        });
        String orderId = sale.orderIdFor(userId, requestId);
        return switch (stock.take(saleId, userId, orderId, clock.millis())) {
            case TAKEN -> accept(sale, command, orderId);
            case ALREADY_BOUGHT -> sameRequestAgain(sale, userId, orderId).orElseThrow(() ->
                    new FlashPurchaseRefusedException(Reason.ALREADY_BOUGHT, "user " + userId + " already holds a unit"));
            case SOLD_OUT -> {
                soldOut.soldOut(saleId);
                throw soldOut(sale);
            }
            case NOT_WARMED -> throw new FlashStockUnavailableException("the sale is not loaded in Redis yet "
                    + "(after a Redis restart, reconciliation loads it again within seconds)", null);
        };
    }

    private FlashPurchase accept(FlashSale sale, PlaceOrderCommand command, String orderId) {
        try (var ignored = LogContext.order(orderId)) {
            Optional<OrderSummary> earlier = orders.byRequestId(command.requestId());
            if (earlier.isPresent()) {
                returnUnit.giveBack(sale.saleId(), command.userId(), orderId, "request " + command.requestId()
                        + " placed order " + earlier.get().orderId() + " before");
                return replay(earlier.get(), sale, command);
            }
            try {
                queue.enqueue(FlashPurchaseAccepted.of(orderId, sale.saleId(), command.userId(), sale.productId(),
                        command.requestId(), clock.instant()));
            } catch (PurchaseNotQueuedException e) {
                returnUnit.giveBack(sale.saleId(), command.userId(), orderId, "the purchase queue did not take it");
                throw e;
            }
            return new FlashPurchase(orderId, FlashPurchase.QUEUED, false);
        }
    }

    /** A request that placed an order before gets it again, if it asked for the same thing. */
    private static FlashPurchase replay(OrderSummary order, FlashSale sale, PlaceOrderCommand command) {
        if (!sale.saleId().equals(order.saleId()) || order.userId() != command.userId()) {
            throw new RequestIdConflictException(command.requestId(), order.orderId());
        }
        return new FlashPurchase(order.orderId(), order.status(), true);
    }

    /** A retry of the request that holds the buyer's unit gets its purchase again, not a refusal. */
    private Optional<FlashPurchase> sameRequestAgain(FlashSale sale, long userId, String orderId) {
        if (!stock.heldOrder(sale.saleId(), userId).filter(orderId::equals).isPresent()) {
            return Optional.empty();
        }
        String status = orders.byId(orderId).map(OrderSummary::status).orElse(FlashPurchase.QUEUED);
        return Optional.of(new FlashPurchase(orderId, status, true));
    }

    private static FlashPurchaseRefusedException soldOut(FlashSale sale) {
        return new FlashPurchaseRefusedException(Reason.SOLD_OUT, "all " + sale.units() + " units are sold");
    }
}
