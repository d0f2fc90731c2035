package io.txlab.support.config;

import java.lang.management.ManagementFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares, under {@code txlab.*}.
 *
 * @param service    short service name; prefixes fault points and names consumers ("order", "inventory", ...)
 * @param instanceId who answered a check-back; defaults to service@pid@host
 * @param consumer   how this service's RocketMQ consumers retry
 */
@ConfigurationProperties("txlab")
public record TxLabProperties(String service, String instanceId, Redis redis, Faults faults, Consumer consumer) {

    public TxLabProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("txlab.service must be set");
        }
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = service + "@" + ManagementFactory.getRuntimeMXBean().getName();
        }
        redis = redis == null ? new Redis(null) : redis;
        faults = faults == null ? new Faults(false) : faults;
        consumer = consumer == null ? new Consumer(null, null, null) : consumer;
    }

    /** @param url redis://host:port */
    public record Redis(String url) {
        public Redis {
            url = url == null || url.isBlank() ? "redis://127.0.0.1:16379" : url;
        }
    }

    /**
     * @param maxReconsumeTimes redeliveries of a message whose handling throws before the broker moves it to
     *                          the consumer group's DLQ (%DLQ%group); RocketMQ's default is 16
     * @param batchSize         most messages a batching consumer handles in one call (default 32)
     * @param pullIntervalMs    how long a batching consumer waits before pulling a queue again after a pull
     *                          that found messages, so that batches gather under load (default 200)
     */
    public record Consumer(Integer maxReconsumeTimes, Integer batchSize, Long pullIntervalMs) {
        public Consumer {
            maxReconsumeTimes = maxReconsumeTimes == null ? 16 : maxReconsumeTimes;
            batchSize = batchSize == null ? 32 : batchSize;
            pullIntervalMs = pullIntervalMs == null ? 200 : pullIntervalMs;
            if (maxReconsumeTimes < 0 || maxReconsumeTimes > 32) {
                throw new IllegalArgumentException("txlab.consumer.max-reconsume-times must be between 0 and 32");
            }
        }
    }

    /** @param enabled whether fault points can be armed at all */
    public record Faults(boolean enabled) {
    }
}
