package io.txlab.order.ordering.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.txlab.support.consume.ConcurrentChangeException;
import io.txlab.support.logging.LogContext;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.trace.OrderTraces;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The sweeper: cancels orders left PENDING past the deadline, through the one cancel path, unless the order is
 * merely waiting in a backlog ({@link StillOnItsWay}): then it is left for a later sweep. When the broker or a
 * participant cannot tell, nothing is cancelled in that sweep. Safe however late a participant's part still
 * arrives: its barrier skips an OrderCreated that comes after the cancel. Several order-service instances may
 * sweep at once; the version check lets one cancel win.
 */
@Service
public class CancelStalePendingOrders {

    public static final String REASON = "PENDING_TIMEOUT";

    private static final Logger log = LoggerFactory.getLogger(CancelStalePendingOrders.class);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final CancelOrder cancelOrder;
    private final OrderSettings settings;
    private final ConsumerBacklog backlog;
    private final ParticipantRecordsSource participants;
    private final Clock clock;
    private final TxLabMeters meters;
    private final OrderTraces traces;

    public CancelStalePendingOrders(OrderRepository orders, CancelOrder cancelOrder, OrderSettings settings,
                                    ConsumerBacklog backlog, ParticipantRecordsSource participants, Clock clock,
                                    TxLabMeters meters, OrderTraces traces) {
        this.orders = orders;
        this.cancelOrder = cancelOrder;
        this.settings = settings;
        this.backlog = backlog;
        this.participants = participants;
        this.clock = clock;
        this.meters = meters;
        this.traces = traces;
    }

    @Scheduled(initialDelayString = "${txlab.order.sweep-interval:PT5S}", fixedDelayString = "${txlab.order.sweep-interval:PT5S}")
    public void sweep() {
        sweepCreatedBefore(clock.instant().minus(settings.pendingDeadline()));
    }

    /** @return how many orders it cancelled */
    int sweepCreatedBefore(Instant cutoff) {
        List<Order> stale = orders.findPendingCreatedBefore(cutoff, BATCH);
        StillOnItsWay onItsWay = new StillOnItsWay(backlog, participants);
        int cancelled = 0;
        int waiting = 0;
        for (Order order : stale) {
            try (var ignored = LogContext.order(order.orderId())) {
                Optional<String> queued = onItsWay.why(order);
                if (queued.isPresent()) {
                    waiting++;
                    log.debug("sweeper: order PENDING since {} left waiting: {}", order.createdAt(), queued.get());
                    continue;
                }
                cancelled += cancel(order) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("sweeper: cannot tell whether order {} is still queued, cancelling nothing until the next "
                        + "sweep: {}", order.orderId(), e.toString());
                break;
            }
        }
        if (cancelled > 0) {
            meters.sweeperCancelled(cancelled);
        }
        if (!stale.isEmpty()) {
            log.info("sweeper: {} of {} orders PENDING for over {} cancelled, {} left waiting in a backlog", cancelled,
                    stale.size(), settings.pendingDeadline(), waiting);
        }
        return cancelled;
    }

    /** The cancel joins the order's trace, so its OrderCancelled and the compensations show in it. */
    private boolean cancel(Order order) {
        try (var trace = traces.continueTrace(order.orderId()); var ignored = LogContext.order(order.orderId())) {
            log.info("sweeper: order PENDING since {} (inventory {}, payment {}), cancelling", order.createdAt(),
                    order.inventory(), order.payment());
            cancelOrder.cancel(order.cancel(REASON));
            return true;
        } catch (ConcurrentChangeException e) {
            log.info("sweeper: order changed meanwhile, left to the reply that changed it");
        } catch (RuntimeException e) {
            log.warn("sweeper: could not cancel now, trying again next round: {}", e.toString());
        }
        return false;
    }
}
