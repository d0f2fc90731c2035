package io.txlab.inventory.stock.application;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.support.participant.CompensateOrder;
import io.txlab.inventory.stock.domain.StockRepository;
import org.springframework.stereotype.Service;

/** Gives a cancelled order's stock back, once, and only if it was deducted here. */
@Service
public class ReleaseStock {

    private final CompensateOrder compensateOrder;
    private final StockRepository stocks;

    public ReleaseStock(CompensateOrder compensateOrder, StockRepository stocks) {
        this.compensateOrder = compensateOrder;
        this.stocks = stocks;
    }

    public void handle(OrderCancelled cancelled) {
        compensateOrder.handle(Participant.INVENTORY, cancelled, () -> stocks.release(cancelled.orderId()));
    }
}
