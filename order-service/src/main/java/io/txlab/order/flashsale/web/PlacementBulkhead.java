package io.txlab.order.flashsale.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.txlab.order.flashsale.application.PurchaseFlashUnit;
import io.txlab.order.flashsale.application.PurchaseFlashUnit.Admission;
import io.txlab.order.ordering.application.PlacedOrder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The flash sale's bulkhead: admitted purchases are placed (half message, local transaction) on a few
 * threads of their own, so the request threads go back at once and a refusal, a memory read, never waits
 * behind the purchases being placed. When the queue is full, the unit goes back and the buyer gets a 503
 * to retry; nothing was sold.
 */
@Component
class PlacementBulkhead implements DisposableBean {

    /** Placements at once: a few more than the cores, since each waits on the broker and the database. */
    static final int THREADS = 8;
    /** Admitted purchases waiting: a sale of a few thousand units fits, a backlog past it is refused. */
    static final int QUEUE = 5_000;

    private final PurchaseFlashUnit purchase;
    private final int queue;
    private final ExecutorService placements;

    @Autowired
    PlacementBulkhead(PurchaseFlashUnit purchase) {
        this(purchase, THREADS, QUEUE);
    }

    PlacementBulkhead(PurchaseFlashUnit purchase, int threadCount, int queue) {
        this.purchase = purchase;
        this.queue = queue;
        AtomicInteger threads = new AtomicInteger();
        this.placements = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, "txlab-flash-placement-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** @throws PlacementsFullException when as many purchases wait already; the unit went back */
    CompletableFuture<PlacedOrder> place(Admission.UnitTaken taken) {
        try {
            return CompletableFuture.supplyAsync(() -> purchase.place(taken), placements);
        } catch (RejectedExecutionException e) {
            purchase.giveBack(taken, "the bulkhead is full");
            throw new PlacementsFullException(queue);
        }
    }

    /** Placements under way finish before the context closes the broker and the pool. */
    @Override
    public void destroy() throws InterruptedException {
        placements.shutdown();
        placements.awaitTermination(10, TimeUnit.SECONDS);
    }

    static final class PlacementsFullException extends RuntimeException {
        PlacementsFullException(int waiting) {
            super(waiting + " admitted purchases are waiting to be placed");
        }
    }
}
