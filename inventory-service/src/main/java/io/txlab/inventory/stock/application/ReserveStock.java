package io.txlab.inventory.stock.application;

import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.participant.ReplyToOrder;
import io.txlab.common.participant.Verdict;
import io.txlab.inventory.stock.domain.Reservation;
import io.txlab.inventory.stock.domain.StockRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Reserves (deducts) the stock of a new order, once per order, and replies to the order service. */
@Service
public class ReserveStock {

    private static final Logger log = LoggerFactory.getLogger(ReserveStock.class);

    private final ReplyToOrder replyToOrder;
    private final StockRepository stocks;

    public ReserveStock(ReplyToOrder replyToOrder, StockRepository stocks) {
        this.replyToOrder = replyToOrder;
        this.stocks = stocks;
    }

    /** A flash-sale order deducts from its sale's allocated units, any other from the product's stock. */
    public void handle(OrderCreated order) {
        replyToOrder.handle(Participant.INVENTORY, order, () -> decide(order), () -> {
            if (order.inFlashSale()) {
                stocks.deductFromSale(order.orderId(), order.saleId(), order.productId(), order.quantity());
            } else {
                stocks.deduct(order.orderId(), order.productId(), order.quantity());
            }
        });
    }

    private Verdict decide(OrderCreated order) {
        Reservation reservation = Reservation.decide(order.inFlashSale() ? stocks.findAllocation(order.saleId())
                : stocks.find(order.productId()), order.quantity());
        log.info("stock reservation product={} sale={} quantity={}: {}", order.productId(), order.saleId(),
                order.quantity(), reservation.accepted() ? "accepted" : "rejected " + reservation.reason());
        return reservation.accepted() ? Verdict.accept() : Verdict.reject(reservation.reason().name());
    }
}
