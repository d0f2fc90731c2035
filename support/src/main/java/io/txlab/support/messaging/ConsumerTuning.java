package io.txlab.support.messaging;

/**
 * How the batching consumers pull (txlab.consumer.*).
 *
 * @param batchSize      most messages handed to one call (one pull of one queue)
 * @param pullIntervalMs the wait before pulling a queue again after a pull that found messages: it lets a
 *                       batch gather under load, and adds at most this much latency per hop
 */
public record ConsumerTuning(int batchSize, long pullIntervalMs) {

    public ConsumerTuning {
        if (batchSize < 1 || batchSize > 32) {
            throw new IllegalArgumentException("txlab.consumer.batch-size must be between 1 and 32: " + batchSize);
        }
        if (pullIntervalMs < 0 || pullIntervalMs > 1_000) {
            throw new IllegalArgumentException("txlab.consumer.pull-interval-ms must be between 0 and 1000: "
                    + pullIntervalMs);
        }
    }
}
