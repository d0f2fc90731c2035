package io.txlab.support.messaging;

/**
 * How often every producer and consumer of the services heartbeats to the brokers: 5 s, not RocketMQ's
 * 30 s. A broker knows a client only from its heartbeats, and a restarted broker knows none. Until the
 * order service's next heartbeat it cannot check back ("Check transaction failed, channel is null"), yet
 * each scan still counts toward transactionCheckMax (15 scans of 2 s on the devstack, so 30 s of silence
 * could discard a half message); and consumers rebalanced against an empty group stop pulling. A
 * heartbeat is one small request per broker, so 5 s costs nothing worth measuring.
 */
public final class BrokerHeartbeat {

    public static final int INTERVAL_MS = 5_000;

    private BrokerHeartbeat() {
    }
}
