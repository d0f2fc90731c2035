package io.txlab.tools.bench;

import java.util.EnumMap;
import java.util.Map;

import io.txlab.tools.client.PublishingWay;

/**
 * Which publishing way an order takes: a pure function of its number and of the second its request is due in.
 * With {@code BLOCK}, second s belongs to block s / blockSeconds, and the blocks take turns (transactional, outbox,
 * dual write, transactional, ...), so machine noise still hits every way. A block's first second is left out of
 * the CPU attribution: the consumers still work on the previous block's orders then.
 */
public record WayRotation(Rotation rotation, int blockSeconds) {

    static final WayRotation NONE = new WayRotation(Rotation.NONE, 0);

    static WayRotation of(BenchOptions options) {
        return new WayRotation(options.rotation(), options.blockSeconds());
    }

    public PublishingWay way(int orderNumber, int dueSecond) {
        return switch (rotation) {
            case NONE -> PublishingWay.TRANSACTIONAL;
            case REQUEST -> PublishingWay.inTurn(orderNumber);
            case BLOCK -> wayOfSecond(dueSecond);
        };
    }

    /** Block rotation only. */
    public PublishingWay wayOfSecond(int second) {
        return PublishingWay.inTurn(second / blockSeconds);
    }

    /** Block rotation only: whether a second's CPU and orders count for its way (not a block's first second). */
    public boolean countsCpu(int second) {
        return second % blockSeconds != 0;
    }

    /** How many orders of the schedule each way is sent (compare sends only orders: request i is order i). */
    Map<PublishingWay, Long> offered(Schedule schedule) {
        Map<PublishingWay, Long> offered = new EnumMap<>(PublishingWay.class);
        for (PublishingWay way : PublishingWay.values()) {
            offered.put(way, 0L);
        }
        for (int i = 0; i < schedule.size(); i++) {
            offered.merge(way(i, OpenLoop.secondOf(schedule.offsetNanos(i))), 1L, Long::sum);
        }
        return offered;
    }
}
