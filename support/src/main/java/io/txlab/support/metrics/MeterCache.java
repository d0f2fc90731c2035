package io.txlab.support.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The meters of one name, by up to two tag values, each registered on first use and then only looked up:
 * two map reads on the hot path, no tag list built, no allocation.
 */
final class MeterCache<M> {

    private final Map<String, Map<String, M>> meters = new ConcurrentHashMap<>();
    private final BiFunction<String, String, M> register;
    private final Function<String, Map<String, M>> newRow = first -> new ConcurrentHashMap<>();

    MeterCache(BiFunction<String, String, M> register) {
        this.register = register;
    }

    M get(String first, String second) {
        Map<String, M> row = meters.get(first);
        if (row == null) {
            row = meters.computeIfAbsent(first, newRow);
        }
        M meter = row.get(second);
        return meter != null ? meter : row.computeIfAbsent(second, ignored -> register.apply(first, second));
    }
}
