package io.txlab.order.flashsale.application;

import java.time.Clock;
import java.util.List;

import io.txlab.contracts.event.FlashPurchaseAccepted;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.logging.LogContext;
import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.ordering.application.OrderNotPlacedException;
import io.txlab.order.ordering.application.PlaceOrder;
import io.txlab.order.ordering.application.PlacedOrder;
import io.txlab.order.ordering.application.RecordParticipantReply;
import io.txlab.order.ordering.application.RequestIdConflictException;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Places the orders of accepted flash-sale purchases, as the purchase queue delivers them: each through
 * the normal transactional flow (one half message whose local transaction writes the order), under the
 * order id its unit was taken for. A delivery placed before finds its order by request id and changes
 * nothing. A purchase is placed only while its unit is held for it: a unit that was given back meanwhile
 * is taken again if the sale has one left, and otherwise the purchase is withdrawn (logged, never placed). A
 * sale Redis lost is placed on the unit taken before the loss: nobody can have taken it since.
 * Anything else that fails is thrown, so the queue delivers the purchase again with backoff; if it never
 * succeeds, its unit returns to the sale by reconciliation.
 */
@Service
public class PlaceQueuedPurchases {

    /** The name deliveries are handled under (fault points, delivery_failure): the order service's one name. */
    public static final String CONSUMER = RecordParticipantReply.CONSUMER;

    private static final Logger log = LoggerFactory.getLogger(PlaceQueuedPurchases.class);

    private final FlashStock stock;
    private final PlaceOrder placeOrder;
    private final ReturnFlashUnit returnUnit;
    private final FaultPoints faults;
    private final Clock clock;

    public PlaceQueuedPurchases(FlashStock stock, PlaceOrder placeOrder, ReturnFlashUnit returnUnit, FaultPoints faults,
                                Clock clock) {
        this.stock = stock;
        this.placeOrder = placeOrder;
        this.returnUnit = returnUnit;
        this.faults = faults;
        this.clock = clock;
    }

    public void handle(List<FlashPurchaseAccepted> purchases) {
        purchases.forEach(this::place);
    }

    private void place(FlashPurchaseAccepted purchase) {
        try (var ignored = LogContext.order(purchase.orderId())) {
            faults.pass(FaultPoint.FLASH_PLACEMENT);
            if (holdsItsUnit(purchase)) {
                placeOrder(purchase);
            }
        }
    }

    private boolean holdsItsUnit(FlashPurchaseAccepted purchase) {
        return switch (stock.claim(purchase.saleId(), purchase.userId(), purchase.orderId(), clock.millis())) {
            case HELD -> true;
            case TAKEN_AGAIN -> {
                log.warn("flash sale {}: the unit of user {} was not held any more; taken again for its queued purchase",
                        purchase.saleId(), purchase.userId());
                yield true;
            }
            case ANOTHER_ORDER, SOLD_OUT -> {
                log.warn("flash sale {}: queued purchase of user {} withdrawn: its unit was given back and the user "
                        + "holds another order or the sale is sold out", purchase.saleId(), purchase.userId());
                yield false;
            }
            case NOT_WARMED -> {
                // Redis lost the sale after the gate took this purchase's unit. The sale is loaded again only once
                // the queue is drained past the loss (ReconcileFlashSale), so no buyer has been admitted on that
                // unit meanwhile: the purchase is placed on it, and the load counts its order.
                log.warn("flash sale {}: Redis lost the sale; the queued purchase of user {} is placed on the unit "
                        + "the gate took for it", purchase.saleId(), purchase.userId());
                yield true;
            }
        };
    }

    private void placeOrder(FlashPurchaseAccepted purchase) {
        PlaceOrderCommand command = new PlaceOrderCommand(purchase.requestId(), purchase.userId(), purchase.productId(),
                1);
        try {
            PlacedOrder placed = placeOrder.placeInSale(command, purchase.orderId(), purchase.saleId());
            if (placed.replayed() && !placed.orderId().equals(purchase.orderId())) {
                giveBack(purchase, "request " + purchase.requestId() + " placed order " + placed.orderId()
                        + " before");
            }
        } catch (OrderNotPlacedException e) {
            if (!(e.getCause() instanceof DuplicateKeyException)) {
                throw e;
            }
            giveBack(purchase, "the user already has an active order in this sale");
        } catch (RequestIdConflictException e) {
            giveBack(purchase, e.getMessage());
        }
    }

    private void giveBack(FlashPurchaseAccepted purchase, String why) {
        returnUnit.giveBack(purchase.saleId(), purchase.userId(), purchase.orderId(), why);
    }
}
