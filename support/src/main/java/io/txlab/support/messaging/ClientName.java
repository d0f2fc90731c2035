package io.txlab.support.messaging;

/**
 * The RocketMQ instance name every producer and consumer of a service sets, so that they share one
 * {@code MQClientInstance} (one Netty client, one heartbeat, one rebalance and pull service) instead of one
 * each: the client keys instances by {@code ip@instanceName}, and every client of the starter is named
 * "DEFAULT", which each turns into its own pid#nanoTime. The name differs between services and between
 * processes: two processes with one client id in a consumer group would look like one client to the
 * broker's rebalance and both take the same queues.
 */
public final class ClientName {

    private ClientName() {
    }

    public static String of(String service) {
        return service + "@" + ProcessHandle.current().pid();
    }
}
