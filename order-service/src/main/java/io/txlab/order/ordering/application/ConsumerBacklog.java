package io.txlab.order.ordering.application;

import java.time.Instant;

/** Port to how far the broker's consumer groups have got through a topic. */
public interface ConsumerBacklog {

    /**
     * @return the store time up to which {@code group} has consumed every message of {@code topic}: in its
     *         furthest-behind queue that still holds a message it has not consumed, the store time of the last
     *         message it did consume ({@link Instant#EPOCH} if none); {@link Instant#MAX} when no queue holds one
     * @throws RuntimeException when the broker cannot tell now
     */
    Instant consumedThrough(String group, String topic);
}
