package io.txlab.order.flashsale.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Flash-sale settings, under {@code txlab.flash.*}.
 *
 * @param globalRatePerSecond purchases the whole sale admits in each second (all instances)
 * @param userRequests        purchase requests one user may make per {@code userWindow}
 * @param userWindow          the per-user window, from the user's first request
 * @param soldOutFlag         how long an instance answers "sold out" from memory after Redis said so; a
 *                            unit given back elsewhere is sold again after at most this long
 * @param reconcileInterval   how often the reconciliation job compares Redis with the database
 * @param orphanGrace         how old a unit taken for an order the database does not have (as active) must be
 *                            before reconciliation gives it back: younger ones may still wait in the purchase
 *                            queue (a backlog, a broker outage, a placement retried with backoff)
 * @param placementThreads    consumer threads placing queued purchases: how fast the queue drains, and how much
 *                            of the CPU the placements take from the buyers still arriving
 */
@ConfigurationProperties("txlab.flash")
public record FlashSaleSettings(Integer globalRatePerSecond, Integer userRequests, Duration userWindow,
                                Duration soldOutFlag, Duration reconcileInterval, Duration orphanGrace,
                                Integer placementThreads) {

    public FlashSaleSettings {
        globalRatePerSecond = globalRatePerSecond == null ? 2_000 : globalRatePerSecond;
        userRequests = userRequests == null ? 5 : userRequests;
        userWindow = userWindow == null ? Duration.ofSeconds(10) : userWindow;
        soldOutFlag = soldOutFlag == null ? Duration.ofSeconds(1) : soldOutFlag;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(5) : reconcileInterval;
        orphanGrace = orphanGrace == null ? Duration.ofMinutes(10) : orphanGrace;
        placementThreads = placementThreads == null ? 2 : placementThreads;
        if (globalRatePerSecond <= 0 || userRequests <= 0) {
            throw new IllegalArgumentException("txlab.flash.global-rate-per-second and user-requests must be positive");
        }
        if (placementThreads < 1 || placementThreads > 64) {
            throw new IllegalArgumentException("txlab.flash.placement-threads must be between 1 and 64");
        }
    }
}
