package io.txlab.inventory.stock.web;

import io.txlab.support.audit.ServiceRecords;
import io.txlab.contracts.timeline.Steps;
import io.txlab.support.audit.TimelineEntry;
import io.txlab.support.participant.ParticipantRecords;
import io.txlab.inventory.stock.domain.StockMovement;
import io.txlab.inventory.stock.domain.StockRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What inventory knows about one order, for the order's timeline. Empty entries: it never saw the order. */
@RestController
@RequestMapping("/api/inventory/orders")
class StockRecordsController {

    private final ParticipantRecords records;
    private final StockRepository stocks;

    StockRecordsController(ParticipantRecords records, StockRepository stocks) {
        this.records = records;
        this.stocks = stocks;
    }

    /**
     * Lists what inventory recorded for one order (consumptions, deductions, releases, dedup hits), for the
     * order's timeline. Empty entries: it never saw the order.
     */
    @GetMapping("/{orderId}")
    ServiceRecords order(@PathVariable String orderId) {
        return records.of(orderId, stocks.movementsOf(orderId).stream().map(this::entry).toList());
    }

    private TimelineEntry entry(StockMovement movement) {
        boolean deduct = movement.kind() == StockMovement.Kind.DEDUCT;
        return records.entry(movement.at(), deduct ? Steps.STOCK_DEDUCTED : Steps.STOCK_RELEASED,
                (deduct ? "deducted " : "released ") + movement.quantity() + " unit(s) of product " + movement.productId());
    }
}
