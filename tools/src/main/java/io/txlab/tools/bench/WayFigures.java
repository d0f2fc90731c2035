package io.txlab.tools.bench;

import java.util.Map;

/**
 * What one publishing way achieved in a compare run, as written to the JSON file. Rates are orders/s, latencies
 * milliseconds; {@code consistency} is null when the database could not be read; {@code cpuMsPerOrder} null
 * when it is not separable (request rotation) or no order of the way counted (see {@link WayCpu}).
 */
public record WayFigures(String way, String endpoint, long ordersOffered, long ordersAccepted,
                         double achievedOrderRate, LatencySummary httpLatency,
                         ConsistencyReader.Consistency consistency, Map<String, Long> errorsByKind,
                         WayCpu.PerOrder cpuMsPerOrder, VersusDualWrite versusDualWrite) {

    /**
     * This way's figure divided by dual write's: above 1 is more throughput, a longer p99, or more CPU per order
     * (the platform's total). Null where dual write's figure is 0 (or either is missing).
     */
    public record VersusDualWrite(Double achievedOrderRate, Double confirmedPerSecond, Double httpP99,
                                  Double timeToConsistencyP99, Double cpuPerOrder) {
    }
}
