package io.txlab.scenarios.runner;

import io.txlab.scenarios.client.PlatformClient;

/**
 * What the scenarios drive: the services' HTTP API (faults armed with {@code adminToken}), their processes,
 * and the runner's own probe of Redis.
 */
record Platform(PlatformClient api, String adminToken, ServiceProcesses processes, RedisProbe redis) {
}
