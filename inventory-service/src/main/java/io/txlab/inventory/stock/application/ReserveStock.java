package io.txlab.inventory.stock.application;

import java.util.List;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Participant;
import io.txlab.support.participant.ReplyToOrder;
import io.txlab.support.participant.Verdict;
import io.txlab.inventory.stock.domain.Reservation;
import io.txlab.inventory.stock.domain.StockDeduction;
import io.txlab.inventory.stock.domain.StockRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Reserves (deducts) the stock of new orders, once per order, and replies to the order service. */
@Service
public class ReserveStock implements ReplyToOrder.Part {

    private static final Logger log = LoggerFactory.getLogger(ReserveStock.class);

    private final ReplyToOrder replyToOrder;
    private final StockRepository stocks;

    public ReserveStock(ReplyToOrder replyToOrder, StockRepository stocks) {
        this.replyToOrder = replyToOrder;
        this.stocks = stocks;
    }

    public void handle(List<OrderCreated> orders) {
        replyToOrder.handle(Participant.INVENTORY, orders, this);
    }

    /** A flash-sale order deducts from its sale's allocated units, any other from the product's stock. */
    @Override
    public Verdict apply(OrderCreated order) {
        boolean deducted = order.inFlashSale()
                ? stocks.deductFromSale(order.saleId(), order.productId(), order.quantity())
                : stocks.deduct(order.productId(), order.quantity());
        return deducted ? Verdict.accept() : rejected(order);
    }

    /** The deductions' movements, each carrying its sale if any, so that a release gives back to where it took. */
    @Override
    public void recordApplied(List<OrderCreated> applied) {
        stocks.recordDeductions(applied.stream().map(ReserveStock::deduction).toList());
    }

    @Override
    public String row(OrderCreated order) {
        return order.inFlashSale() ? "sale:" + order.saleId() : "product:" + order.productId();
    }

    private static StockDeduction deduction(OrderCreated order) {
        return new StockDeduction(order.orderId(), order.productId(), order.saleId(), order.quantity());
    }

    /** The rare path: the deduction changed nothing, so read why (the read can only name the reason). */
    private Verdict rejected(OrderCreated order) {
        Reservation why = Reservation.decide(order.inFlashSale() ? stocks.findAllocation(order.saleId())
                : stocks.find(order.productId()), order.quantity());
        Reservation.Reason reason = why.accepted() ? Reservation.Reason.INSUFFICIENT_STOCK : why.reason();
        log.info("stock reservation product={} sale={} quantity={}: rejected {}", order.productId(), order.saleId(),
                order.quantity(), reason);
        return Verdict.reject(reason.name());
    }
}
