package io.txlab.tools.runner;

import io.txlab.tools.client.PlatformClient;

/**
 * What the scenarios drive: the services' HTTP API (faults armed with {@code adminToken}), the API of the
 * second instances (order-service-2, inventory-service-2, payment-service-2) when a scenario starts them
 * ({@code secondApi}), their processes, the replay of dead letters, the runner's own probe of Redis, and how
 * many broker masters the platform runs.
 */
record Platform(PlatformClient api, PlatformClient secondApi, String adminToken, ServiceProcesses processes,
                DeadLetterReplay deadLetters, RedisProbe redis, int brokers) {
}
