package io.txlab.tools.runner;

import java.util.List;
import java.util.Optional;

import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.tools.client.PlatformClient;

/** Can scenarios run here: are all three services up, with the chaos profile, and is the admin token right? */
public final class PlatformReadiness {

    private final PlatformClient api;
    private final String token;

    public PlatformReadiness(PlatformClient api, String token) {
        this.api = api;
        this.token = token;
    }

    public Optional<String> problem() {
        for (String service : List.of("order", "inventory", "payment")) {
            if (!api.reachable(service)) {
                return Optional.of(service + " service is not running: start the platform with scripts/scenario.sh "
                        + "(or SPRING_PROFILES_ACTIVE=chaos TXLAB_ADMIN_TOKEN=... scripts/up.sh)");
            }
            Reply faults = api.faultPoints(service, token);
            if (faults.status() != 200) {
                return Optional.of(service + " refuses the admin token (HTTP " + faults.status() + "): the platform was "
                        + "started with another TXLAB_ADMIN_TOKEN, or none; stop it with scripts/down.sh");
            }
            if (!faults.body().path("enabled").asBoolean()) {
                return Optional.of(service + " runs without the chaos profile: stop it with scripts/down.sh, then "
                        + "scripts/scenario.sh starts it with faults enabled");
            }
        }
        return Optional.empty();
    }
}
