package io.txlab.tools.bench;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.txlab.tools.client.PublishingWay;

/**
 * A run's accepted orders, read in one go once settled: all together, by publishing way (compare only) and by
 * segment of the schedule, an order in the segment its request was due in (whenever it was answered).
 */
record SettledOrders(ConsistencyReader.Consistency all, Map<PublishingWay, ConsistencyReader.Consistency> byWay,
                     List<ConsistencyReader.Consistency> bySegment) {

    static SettledOrders read(ConsistencyReader reader, Schedule schedule, Recording recording, boolean compare)
            throws SQLException {
        if (compare) {
            Map<PublishingWay, List<String>> ids = new EnumMap<>(PublishingWay.class);
            for (PublishingWay way : PublishingWay.values()) {
                ids.put(way, recording.answers(way).acceptedIds());
            }
            ConsistencyReader.Grouped<PublishingWay> read = reader.read(ids);
            // compare runs a single segment
            return new SettledOrders(read.all(), read.groups(), List.of(read.all()));
        }
        Map<Integer, List<String>> ids = new LinkedHashMap<>();
        int from = 0;
        for (Schedule.Segment segment : schedule.segments()) {
            ids.put(ids.size(), recording.acceptedIdsDue(from, from + segment.seconds()));
            from += segment.seconds();
        }
        ConsistencyReader.Grouped<Integer> read = reader.read(ids);
        return new SettledOrders(read.all(), Map.of(), List.copyOf(read.groups().values()));
    }
}
