package io.txlab.tools.runner;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.txlab.contracts.fault.FaultPoint;

/**
 * A scenario's services as processes: halted at a crash point, killed, started again, and their logs. A crash is
 * observed only if the process really exited with the halt's status (137, what {@code FaultPoints} passes to
 * {@code Runtime.halt}) and its log has the halt's line for that point: a JVM that merely stopped answering is no
 * crash.
 */
final class ServiceCrashes {

    /** The exit status of a JVM halted at a crash fault point: FaultPoints calls Runtime.halt(137). */
    static final String HALT_STATUS = "137";
    private static final Duration EXIT_BOUND = Duration.ofSeconds(30);
    private static final int GIST = 200;

    private final ServiceProcesses processes;
    private final Consumer<String> say;
    private final ScenarioEvidence evidence;
    private final BiFunction<Duration, BooleanSupplier, Boolean> await;

    ServiceCrashes(ServiceProcesses processes, Consumer<String> say, ScenarioEvidence evidence,
                   BiFunction<Duration, BooleanSupplier, Boolean> await) {
        this.processes = processes;
        this.say = say;
        this.evidence = evidence;
        this.await = await;
    }

    /** Waits for a service halted at a fault point to exit, and reads its halt from its log; it stays down. */
    Crash awaitCrash(String service, FaultPoint faultPoint) {
        String process = service + "-service";
        String point = faultPoint.nameIn(service);
        boolean exited = await.apply(EXIT_BOUND, () -> !processes.exitStatus(process).equals("running"));
        String status = processes.exitStatus(process);
        List<String> halts = processes.logLines(process).stream()
                .filter(line -> line.contains("fault point=" + point + " halting the JVM now")).toList();
        halts.forEach(line -> say.accept(process + " log: " + gist(line)));
        evidence.record(new Expectation(Expectation.Kind.FAULT_OBSERVED, process + " exited with status " + status
                + " (the halt's is " + HALT_STATUS + ") and logged its halt at " + point + ", like kill -9",
                exited && status.equals(HALT_STATUS) && !halts.isEmpty()));
        return halts.isEmpty() ? Crash.NONE : Crash.of(halts.get(halts.size() - 1));
    }

    /** Starts a halted or killed service again. */
    void restart(String service) {
        String process = service + "-service";
        say.accept("process: restarting " + process);
        processes.kill(process);
        processes.start(process);
    }

    void start(String process) {
        say.accept("process: start " + process);
        processes.start(process);
    }

    void kill(String process) {
        say.accept("process: kill -9 " + process);
        processes.kill(process);
    }

    void killAndRestart(String service) {
        say.accept("process: kill -9 " + service + ", then start it again");
        processes.kill(service + "-service");
        processes.start(service + "-service");
    }

    /** The lines of a service's log (this run of it) that contain every one of {@code texts}. */
    List<String> logWith(String service, String... texts) {
        return processes.logLines(service).stream()
                .filter(line -> List.of(texts).stream().allMatch(line::contains)).toList();
    }

    /** A log line without its logger columns, its middle cut when it is long (a Redisson timeout's is ~1 kB). */
    static String gist(String line) {
        int message = line.indexOf(" : ");
        String gist = line.substring(0, Math.max(line.indexOf(' '), 0) + 1)
                + (message < 0 ? line : line.substring(message + 3));
        return gist.length() <= GIST ? gist : gist.substring(0, GIST - 40) + " ... " + gist.substring(gist.length() - 35);
    }
}
