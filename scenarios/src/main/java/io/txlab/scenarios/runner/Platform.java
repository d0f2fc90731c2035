package io.txlab.scenarios.runner;

import io.txlab.scenarios.client.PlatformClient;

/**
 * What the scenarios drive: the services' HTTP API (faults armed with {@code adminToken}), their
 * processes, and the name server the dead-letter replay reads through.
 */
record Platform(PlatformClient api, String adminToken, ServiceProcesses processes, String namesrvAddr) {
}
