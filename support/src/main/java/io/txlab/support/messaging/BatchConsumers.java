package io.txlab.support.messaging;

/** Makes the service's batching consumers, all with the same name server and settings. */
public final class BatchConsumers {

    private final String nameServer;
    private final ConsumerTuning tuning;
    private final int maxReconsumeTimes;
    private final String instanceName;

    BatchConsumers(String nameServer, ConsumerTuning tuning, int maxReconsumeTimes, String instanceName) {
        this.nameServer = nameServer;
        this.tuning = tuning;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.instanceName = instanceName;
    }

    /** A consumer to be declared as a bean: the context starts it last and stops it first. */
    public BatchConsumer subscribe(BatchConsumer.Subscription subscription, BatchConsumer.Handler handler) {
        return new BatchConsumer(subscription, nameServer, tuning, maxReconsumeTimes, instanceName, handler);
    }
}
