package io.txlab.tools.runner;

import io.txlab.tools.client.PlatformClient;

/**
 * What the scenarios drive: the services' HTTP API (faults armed with {@code adminToken}), the API of a
 * second order-service instance when a scenario starts one ({@code secondOrderApi}), their processes, the
 * replay of dead letters, and the runner's own probe of Redis.
 */
record Platform(PlatformClient api, PlatformClient secondOrderApi, String adminToken, ServiceProcesses processes,
                DeadLetterReplay deadLetters, RedisProbe redis) {
}
