package io.txlab.order.flashsale.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.fault.InjectedFault;
import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashSaleRepository;
import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStock.Buyer;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.ordering.application.OrderSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Repairs drift between Redis and the database, which is the truth: a sale Redis lost is loaded again
 * from the orders that hold a unit; a unit Redis holds for an order that was cancelled or never written
 * (and is older than {@code txlab.flash.orphan-grace}, so its purchase no longer waits in the queue) is
 * given back; a buyer Redis lost is restored; the count is set to units minus buyers. Runs every
 * {@code txlab.flash.reconcile-interval} for sales not long over, and on demand.
 */
@Service
public class ReconcileFlashSale {

    private static final Logger log = LoggerFactory.getLogger(ReconcileFlashSale.class);
    /** Sales are looked after until this long, plus the orphan grace, after their end: cancels may come late. */
    private static final Duration AFTER_END = Duration.ofMinutes(10);
    /**
     * A sale Redis lost is loaded again only once the purchase queue has delivered every purchase stored up to this
     * long after the loss was found: a purchase whose unit the gate took just before the loss is stored a moment
     * later. Until then the gate answers 503 and admits nobody, so the units of queued purchases are not sold twice.
     */
    private static final Duration QUEUE_MARGIN = Duration.ofSeconds(10);

    private final FlashSales sales;
    private final FlashSaleRepository repository;
    private final FlashStock stock;
    private final OrderSummaries orders;
    private final FlashSaleSettings settings;
    private final FaultPoints faults;
    private final PurchaseBacklog queue;
    private final Clock clock;
    /** When this instance first found each sale missing from Redis; a restart finds it later, which only waits longer. */
    private final Map<String, Instant> lostSince = new ConcurrentHashMap<>();

    public ReconcileFlashSale(FlashSales sales, FlashSaleRepository repository, FlashStock stock,
                              OrderSummaries orders, FlashSaleSettings settings, FaultPoints faults,
                              PurchaseBacklog queue, Clock clock) {
        this.queue = queue;
        this.sales = sales;
        this.repository = repository;
        this.stock = stock;
        this.orders = orders;
        this.settings = settings;
        this.faults = faults;
        this.clock = clock;
    }

    public record Report(String saleId, List<String> changes, int remaining) {
    }

    @Scheduled(initialDelayString = "${txlab.flash.reconcile-interval:PT5S}",
            fixedDelayString = "${txlab.flash.reconcile-interval:PT5S}")
    public void reconcileRecentSales() {
        if (heldOffByFault()) {
            return;
        }
        for (FlashSale sale : repository.endingAfter(clock.instant().minus(AFTER_END).minus(settings.orphanGrace()))) {
            try {
                Report report = reconcile(sale.saleId());
                if (!report.changes().isEmpty()) {
                    log.warn("flash sale {} reconciled: {}", sale.saleId(), String.join("; ", report.changes()));
                }
            } catch (FlashStockUnavailableException e) {
                log.warn("flash sale {} not reconciled, Redis did not answer: {}", sale.saleId(), e.getMessage());
                return;
            }
        }
    }

    /** A scenario holds the job off (a throw armed at the point) so that only its own reconciliation repairs. */
    private boolean heldOffByFault() {
        try {
            faults.pass(FaultPoint.FLASH_RECONCILE_JOB);
            return false;
        } catch (InjectedFault e) {
            log.info("flash sale reconciliation job held off by fault point order.flash-reconcile-job");
            return true;
        }
    }

    /** @throws FlashStockUnavailableException when Redis does not answer */
    public Report reconcile(String saleId) {
        FlashSale sale = sales.get(saleId);
        Map<Long, String> active = repository.activeBuyers(saleId);
        List<String> changes = new ArrayList<>();
        Optional<FlashStock.Holding> holding = stock.holding(saleId);
        if (holding.isEmpty()) {
            Instant lostBy = lostSince.computeIfAbsent(saleId, id -> clock.instant());
            if (!queue.deliveredThrough(lostBy.plus(QUEUE_MARGIN))) {
                changes.add("not loaded yet: purchases the gate accepted before Redis lost the sale may still be"
                        + " queued, and their orders are not in the database yet");
                return new Report(saleId, changes, 0);
            }
            Map<Long, String> placed = repository.activeBuyers(saleId);
            stock.warm(saleId, sale.units(), placed, clock.millis());
            lostSince.remove(saleId);
            changes.add("loaded into Redis from the database: " + placed.size() + " buyers, "
                    + Math.max(sale.units() - placed.size(), 0) + " units left");
        } else {
            giveBackOrphans(saleId, holding.get().buyers(), active, changes);
            restoreLostBuyers(saleId, holding.get().buyers(), active, changes);
        }
        FlashStock.Recount recount = stock.recount(saleId, sale.units());
        if (recount.changed()) {
            changes.add("count corrected from " + recount.before() + " to " + recount.after());
        }
        return new Report(saleId, changes, recount.after());
    }

    private void giveBackOrphans(String saleId, Map<Long, Buyer> held, Map<Long, String> active, List<String> changes) {
        long graceStart = clock.millis() - settings.orphanGrace().toMillis();
        held.forEach((userId, buyer) -> {
            boolean orphan = !buyer.orderId().equals(active.get(userId)) && buyer.takenAtMillis() < graceStart;
            if (orphan && stock.giveBack(saleId, userId, buyer.orderId())) {
                changes.add("gave back the unit of user " + userId + ": order " + buyer.orderId() + " is "
                        + (repository.orderExists(buyer.orderId()) ? "cancelled" : "not in the database"));
            }
        });
    }

    private boolean stillActive(String orderId) {
        return orders.byId(orderId).filter(order -> !order.cancelled()).isPresent();
    }

    private void restoreLostBuyers(String saleId, Map<Long, Buyer> held, Map<Long, String> active,
                                   List<String> changes) {
        active.forEach((userId, orderId) -> {
            Buyer buyer = held.get(userId);
            boolean lost = buyer == null || !buyer.orderId().equals(orderId);
            // read again: a cancel that committed after the snapshot has just given this unit back
            if (lost && stillActive(orderId) && stock.restoreBuyer(saleId, userId, orderId, clock.millis())) {
                changes.add("restored buyer " + userId + " of active order " + orderId);
            }
        });
    }
}
