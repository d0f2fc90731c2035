package io.txlab.order.flashsale.application;

import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.ordering.application.OrderSummary;
import io.txlab.order.ordering.application.OrderWasCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Gives a flash order's unit and its buyer's slot back to Redis: when its local transaction did not
 * commit, and when the order is cancelled. At most once per order, since the give-back matches the order
 * id the unit was taken for. If Redis does not answer, reconciliation gives it back later.
 */
@Service
public class ReturnFlashUnit {

    private static final Logger log = LoggerFactory.getLogger(ReturnFlashUnit.class);

    private final FlashStock stock;
    private final SoldOutFlags soldOut;

    public ReturnFlashUnit(FlashStock stock, SoldOutFlags soldOut) {
        this.stock = stock;
        this.soldOut = soldOut;
    }

    @EventListener
    public void onCancelled(OrderWasCancelled cancelled) {
        OrderSummary order = cancelled.order();
        if (order.saleId() != null) {
            giveBack(order.saleId(), order.userId(), order.orderId(), "order cancelled: " + order.reason());
        }
    }

    void giveBack(String saleId, long userId, String orderId, String why) {
        try {
            boolean returned = stock.giveBack(saleId, userId, orderId);
            if (returned) {
                soldOut.unitReturned(saleId);
            }
            log.info("flash sale {}: unit of order {} (user {}) {} ({})", saleId, orderId, userId,
                    returned ? "given back" : "was not held any more", why);
        } catch (FlashStockUnavailableException e) {
            log.warn("flash sale {}: unit of order {} not given back now, reconciliation will: {}", saleId, orderId,
                    e.getMessage());
        }
    }
}
