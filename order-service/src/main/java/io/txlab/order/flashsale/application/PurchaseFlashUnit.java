package io.txlab.order.flashsale.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.txlab.common.logging.LogContext;
import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.flashsale.domain.PurchaseLimits;
import io.txlab.order.flashsale.application.FlashPurchaseRefusedException.Reason;
import io.txlab.order.ordering.application.OrderNotPlacedException;
import io.txlab.order.ordering.application.PlaceOrder;
import io.txlab.order.ordering.application.PlacedOrder;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.PlaceOrderCommand;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The flash-sale gate, cheapest check first: the sale's window, this instance's sold-out flag, the rate
 * limits, then one atomic Redis take of a unit for a new order id; only then the normal transactional
 * order flow. Redis admits at most the sale's units; inventory's conditional deduction from the sale's
 * allocation is what makes overselling impossible even if Redis were wrong.
 */
@Service
public class PurchaseFlashUnit {

    private final FlashSales sales;
    private final SoldOutFlags soldOut;
    private final PurchaseLimits limits;
    private final FlashStock stock;
    private final PlaceOrder placeOrder;
    private final OrderRepository orders;
    private final ReturnFlashUnit returnUnit;
    private final Clock clock = Clock.systemUTC();

    public PurchaseFlashUnit(FlashSales sales, SoldOutFlags soldOut, PurchaseLimits limits, FlashStock stock,
                             PlaceOrder placeOrder, OrderRepository orders, ReturnFlashUnit returnUnit) {
        this.sales = sales;
        this.soldOut = soldOut;
        this.limits = limits;
        this.stock = stock;
        this.placeOrder = placeOrder;
        this.orders = orders;
        this.returnUnit = returnUnit;
    }

    /**
     * @throws FlashSaleNotFoundException    no such sale
     * @throws FlashPurchaseRefusedException not open, already bought, sold out
     * @throws RateLimitedException          too many requests
     * @throws FlashStockUnavailableException Redis did not answer, or has not loaded the sale yet
     */
    public PlacedOrder purchase(String saleId, String requestId, Long userId) {
        FlashSale sale = sales.get(saleId);
        PlaceOrderCommand command = new PlaceOrderCommand(requestId, userId, sale.productId(), 1);
        switch (sale.phaseAt(clock.instant())) {
            case NOT_STARTED -> throw new FlashPurchaseRefusedException(Reason.NOT_STARTED, "the sale starts at "
                    + sale.startsAt());
            case ENDED -> throw new FlashPurchaseRefusedException(Reason.ENDED, "the sale ended at " + sale.endsAt());
            case OPEN -> { }
        }
        if (soldOut.isSoldOut(saleId)) {
            throw new FlashPurchaseRefusedException(Reason.SOLD_OUT, "all " + sale.units() + " units are sold");
        }
        limits.retryAfter(saleId, userId).ifPresent(wait -> {
            throw new RateLimitedException("too many purchase requests; retry in " + wait.toSeconds() + " s", wait);
        });
        String orderId = UUID.randomUUID().toString();
        return switch (stock.take(saleId, userId, orderId, clock.millis())) {
            case TAKEN -> place(sale, command, orderId);
            case ALREADY_BOUGHT -> sameRequestAgain(command, sale).orElseThrow(() ->
                    new FlashPurchaseRefusedException(Reason.ALREADY_BOUGHT, "user " + userId + " already holds a unit"));
            case SOLD_OUT -> {
                soldOut.soldOut(saleId);
                throw new FlashPurchaseRefusedException(Reason.SOLD_OUT, "all " + sale.units() + " units are sold");
            }
            case NOT_WARMED -> throw new FlashStockUnavailableException("the sale is not loaded in Redis yet "
                    + "(after a Redis restart, reconciliation loads it again within seconds)", null);
        };
    }

    private PlacedOrder place(FlashSale sale, PlaceOrderCommand command, String orderId) {
        try (var ignored = LogContext.order(orderId)) {
            PlacedOrder placed = placeOrder.placeInSale(command, orderId, sale.saleId());
            if (placed.replayed()) {
                returnUnit.giveBack(sale.saleId(), command.userId(), orderId, "request " + command.requestId()
                        + " placed order " + placed.order().orderId() + " before");
            }
            return placed;
        } catch (OrderNotPlacedException e) {
            if (!e.inDoubt()) {
                returnUnit.giveBack(sale.saleId(), command.userId(), orderId, "its local transaction did not commit");
            }
            if (e.getCause() instanceof DuplicateKeyException) {
                throw new FlashPurchaseRefusedException(Reason.ALREADY_BOUGHT, "user " + command.userId()
                        + " already has an active order in this sale");
            }
            throw e;
        } catch (RuntimeException e) {
            returnUnit.giveBack(sale.saleId(), command.userId(), orderId, "placing the order failed: " + e);
            throw e;
        }
    }

    /** A retry of a request that already bought gets its order again, not a refusal. */
    private Optional<PlacedOrder> sameRequestAgain(PlaceOrderCommand command, FlashSale sale) {
        return orders.findByRequestId(command.requestId())
                .filter(order -> sale.saleId().equals(order.saleId()) && order.userId() == command.userId())
                .map((Order order) -> new PlacedOrder(order, true));
    }
}
