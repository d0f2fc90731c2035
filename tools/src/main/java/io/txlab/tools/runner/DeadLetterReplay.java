package io.txlab.tools.runner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.txlab.deadletter.DeadLetter;
import io.txlab.deadletter.DeadLetterQueues;
import org.apache.rocketmq.client.exception.MQClientException;

/**
 * Replays a consumer group's dead letters for a scenario: the dead-letter tool's code, run in the runner's JVM
 * against local processes; against docker compose, scripts/dlq.sh.
 */
interface DeadLetterReplay {

    /** Replays the group's dead letters not replayed before, to that group only; the order ids replayed. */
    List<String> replay(String group);

    /** Where the scenarios run: {@code TXLAB_COMPOSE_FILE} set means docker compose (scripts/lib.sh's compose_mode). */
    static DeadLetterReplay of(Map<String, String> env, ServiceProcesses processes, Consumer<String> out) {
        return env.getOrDefault("TXLAB_COMPOSE_FILE", "").isEmpty()
                ? new InProcess(env.getOrDefault("TXLAB_NAMESRV_ADDR", "127.0.0.1:19876"), out)
                : new ThroughScript(processes);
    }

    /** The dlq tool's code against the name server the services use (the devstack's). */
    record InProcess(String namesrvAddr, Consumer<String> out) implements DeadLetterReplay {

        @Override
        public List<String> replay(String group) {
            try (DeadLetterQueues queues = new DeadLetterQueues(namesrvAddr)) {
                List<DeadLetter> replayed = queues.replay(group, letter -> out.accept("    " + letter.replayedLine()));
                out.accept("    " + replayed.size() + " dead letter(s) of " + group + " replayed to " + group + " only");
                return replayed.stream().map(DeadLetter::orderId).toList();
            } catch (MQClientException e) {
                throw new IllegalStateException("cannot replay " + group + "'s dead letters through the name server "
                        + namesrvAddr + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Against docker compose the broker advertises its containers' addresses, which the runner on the host cannot
     * reach: the dlq tool must run inside the compose network (scripts/dlq.sh runs the compose file's dlq-tool
     * service), so the runner reads the order ids from the tool's replayed lines.
     */
    record ThroughScript(ServiceProcesses processes) implements DeadLetterReplay {

        @Override
        public List<String> replay(String group) {
            return processes.replayDeadLetters(group).stream().map(DeadLetter::orderIdOfReplayedLine)
                    .flatMap(Optional::stream).toList();
        }
    }
}
