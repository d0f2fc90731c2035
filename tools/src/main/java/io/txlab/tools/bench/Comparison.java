package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.txlab.tools.client.PublishingWay;

/** The compare profile's figures for each publishing way, each relative to dual write. Pure. */
final class Comparison {

    private Comparison() {
    }

    /**
     * {@code offered}: how many orders each way was sent; {@code consistency}: by way, empty when the database
     * could not be read; {@code cpu}: CPU per order by way, empty when not separable.
     */
    static List<WayFigures> of(Map<PublishingWay, Long> offered, double elapsedSeconds,
                               Map<PublishingWay, Recording.WayAnswers> answers,
                               Map<PublishingWay, ConsistencyReader.Consistency> consistency,
                               Map<PublishingWay, WayCpu.PerOrder> cpu) {
        Map<PublishingWay, WayFigures> plain = new EnumMap<>(PublishingWay.class);
        for (PublishingWay way : PublishingWay.values()) {
            Recording.WayAnswers answered = answers.get(way);
            long accepted = answered.acceptedIds().size();
            plain.put(way, new WayFigures(way.label(), "POST " + way.path(), offered.getOrDefault(way, 0L),
                    accepted, elapsedSeconds > 0 ? accepted / elapsedSeconds : 0, answered.latency(),
                    consistency.get(way), answered.errorsByKind(), cpu.get(way), null));
        }
        WayFigures base = plain.get(PublishingWay.DUAL_WRITE);
        List<WayFigures> figures = new ArrayList<>();
        plain.values().forEach(way -> figures.add(new WayFigures(way.way(), way.endpoint(), way.ordersOffered(),
                way.ordersAccepted(), way.achievedOrderRate(), way.httpLatency(), way.consistency(),
                way.errorsByKind(), way.cpuMsPerOrder(), versus(way, base))));
        return figures;
    }

    /** Null when there is nothing to divide by. */
    static Double ratio(double value, double base) {
        return base > 0 ? value / base : null;
    }

    private static WayFigures.VersusDualWrite versus(WayFigures way, WayFigures dualWrite) {
        return new WayFigures.VersusDualWrite(ratio(way.achievedOrderRate(), dualWrite.achievedOrderRate()),
                consistencyRatio(way, dualWrite, ConsistencyReader.Consistency::confirmedPerSecond),
                ratio(way.httpLatency().p99Ms(), dualWrite.httpLatency().p99Ms()),
                consistencyRatio(way, dualWrite, c -> c.timeToConsistency().p99Ms()),
                way.cpuMsPerOrder() == null || dualWrite.cpuMsPerOrder() == null ? null
                        : ratio(way.cpuMsPerOrder().total(), dualWrite.cpuMsPerOrder().total()));
    }

    private static Double consistencyRatio(WayFigures way, WayFigures dualWrite,
                                           ToDoubleFunction<ConsistencyReader.Consistency> figure) {
        if (way.consistency() == null || dualWrite.consistency() == null) {
            return null;
        }
        return ratio(figure.applyAsDouble(way.consistency()), figure.applyAsDouble(dualWrite.consistency()));
    }
}
