package io.txlab.order.ordering.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Order-service settings, under {@code txlab.order.*}.
 *
 * @param pendingDeadline how long an order may stay PENDING before the sweeper cancels it
 * @param sweepInterval   how often the sweeper looks
 * @param inventoryUrl    where inventory's per-order records are read for the timeline
 * @param paymentUrl      where payment's per-order records are read for the timeline
 */
@ConfigurationProperties("txlab.order")
public record OrderSettings(Duration pendingDeadline, Duration sweepInterval, String inventoryUrl, String paymentUrl) {

    public OrderSettings {
        pendingDeadline = pendingDeadline == null ? Duration.ofSeconds(90) : pendingDeadline;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        if (pendingDeadline.isNegative() || pendingDeadline.isZero() || sweepInterval.isNegative()
                || sweepInterval.isZero()) {
            throw new IllegalArgumentException("txlab.order.pending-deadline and sweep-interval must be positive");
        }
        inventoryUrl = inventoryUrl == null || inventoryUrl.isBlank() ? "http://127.0.0.1:8082" : inventoryUrl;
        paymentUrl = paymentUrl == null || paymentUrl.isBlank() ? "http://127.0.0.1:8083" : paymentUrl;
    }
}
