package io.txlab.scenarios.runner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Takes infrastructure away and brings it back, remembering what is away: the runner ends whatever a
 * scenario left behind (it failed half-way), since the next scenario needs it all.
 */
public final class Outages {

    private final ServiceProcesses processes;
    private final Consumer<String> say;
    private final Set<String> away = new LinkedHashSet<>();

    Outages(ServiceProcesses processes, Consumer<String> say) {
        this.processes = processes;
        this.say = say;
    }

    /** Freezes Redis (SIGSTOP, or docker pause): it keeps its connections and answers nothing. */
    public void pause(String part) {
        say.accept("outage: " + part + " frozen (SIGSTOP)");
        away.add(part);
        processes.pause(part);
    }

    public void resume(String part) {
        say.accept("outage over: " + part + " resumed (SIGCONT)");
        processes.resume(part);
        away.remove(part);
    }

    /** Stops the broker or the database: connections are refused until {@link #bringBack}. */
    public void takeDown(String part) {
        say.accept("outage: the " + part + " stops");
        away.add(part);
        processes.stop(part);
    }

    public void bringBack(String part) {
        say.accept("outage over: the " + part + " starts again, same port and data");
        processes.start(part);
        away.remove(part);
    }

    void endAll() {
        for (String part : List.copyOf(away)) {
            if (part.equals("redis")) {
                resume(part);
            } else {
                bringBack(part);
            }
        }
    }
}
