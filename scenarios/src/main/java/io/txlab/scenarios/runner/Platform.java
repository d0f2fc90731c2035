package io.txlab.scenarios.runner;

import io.txlab.scenarios.client.PlatformClient;

/** What the scenarios drive: the services' HTTP API (faults armed with {@code adminToken}) and their processes. */
record Platform(PlatformClient api, String adminToken, ServiceProcesses processes) {
}
