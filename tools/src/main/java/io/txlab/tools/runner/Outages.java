package io.txlab.tools.runner;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Takes infrastructure away and brings it back, remembering what is away: the runner ends whatever a
 * scenario left behind (it failed half-way), since the next scenario needs it all.
 */
public final class Outages {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

    private final ServiceProcesses processes;
    private final RedisProbe redis;
    private final Consumer<String> say;
    private final Set<String> away = new LinkedHashSet<>();

    Outages(ServiceProcesses processes, RedisProbe redis, Consumer<String> say) {
        this.processes = processes;
        this.redis = redis;
        this.say = say;
    }

    /** The runner's own PING to Redis: true when it is answered within a second. */
    public boolean redisAnswers() {
        boolean answers = redis.answersPing(PING_TIMEOUT);
        say.accept("probe: PING to Redis at " + redis + " -> " + (answers ? "PONG" : "no answer within "
                + PING_TIMEOUT.toMillis() + " ms"));
        return answers;
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
