package io.txlab.tools.runner;

import java.util.List;
import java.util.function.Consumer;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.tools.client.FaultArming;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;

/**
 * A scenario's fault points, armed and disarmed through each service's guarded admin endpoint, on the first
 * instances or on the second ones (order-service-2, ...) once a scenario has started them.
 */
public final class FaultSwitches {

    private static final List<String> SERVICES = List.of("order", "inventory", "payment");

    private final PlatformClient first;
    private final PlatformClient second;
    private final String adminToken;
    private final Consumer<String> say;

    FaultSwitches(PlatformClient first, PlatformClient second, String adminToken, Consumer<String> say) {
        this.first = first;
        this.second = second;
        this.adminToken = adminToken;
        this.say = say;
    }

    public void arm(String service, FaultPoint point, FaultAction action) {
        arm(first, service, point, action, "");
    }

    /** Arms the fault point of the service's second instance. */
    public void armSecond(String service, FaultPoint point, FaultAction action) {
        arm(second, service, point, action, " on " + service + "-service-2");
    }

    public void disarm(String service, FaultPoint point) {
        first.disarmFault(service, adminToken, point.nameIn(service));
        say.accept("disarm: " + point.nameIn(service));
    }

    public void disarmSecond(String service, FaultPoint point) {
        second.disarmFault(service, adminToken, point.nameIn(service));
        say.accept("disarm: " + point.nameIn(service) + " on " + service + "-service-2");
    }

    /** Every fault point of the first instances: the runner's clean slate before and after each scenario. */
    void disarmAll() {
        SERVICES.forEach(service -> first.disarmFaults(service, adminToken));
    }

    private void arm(PlatformClient instance, String service, FaultPoint point, FaultAction action, String where) {
        String name = point.nameIn(service);
        Reply reply = instance.armFault(service, adminToken, FaultArming.body(name, action));
        if (reply.status() != 201) {
            throw new IllegalStateException("could not arm " + name + where + ": HTTP " + reply.status() + " "
                    + reply.body().path("detail").asString());
        }
        say.accept("inject: " + name + where + " " + FaultArming.describe(action));
    }
}
