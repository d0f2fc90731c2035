package io.txlab.tools.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Real process deaths and restarts, and the platform's logs, through scripts/service.sh (kill -9 and the start
 * command of up.sh; or, against docker compose, the same actions on the containers), and, against docker compose
 * only, the replay of dead letters through scripts/dlq.sh ({@link DeadLetterReplay}). The scripts decide which
 * platform they act on.
 */
public final class ServiceProcesses {

    private final Path root;
    private final Consumer<String> out;

    public ServiceProcesses(Path root, Consumer<String> out) {
        this.root = root;
        this.out = out;
    }

    public void kill(String service) {
        service("kill", service);
    }

    /** Starts the service (or devstack part) again (after a crash, kill or stop) and returns when it is ready. */
    public void start(String service) {
        service("start", service);
    }

    /** Has the platform shut an infrastructure part down (broker or database), its data kept for {@link #start}. */
    public void stop(String part) {
        service("stop", part);
    }

    /** Freezes a part (SIGSTOP, or docker pause): an outage that answers nothing. Only Redis, for now. */
    public void pause(String part) {
        service("pause", part);
    }

    public void resume(String part) {
        service("resume", part);
    }

    /**
     * scripts/service.sh exit-status: "running", the exit status of the process's last run (the script
     * that starts it records it in .run/pids/NAME.exit; docker's ExitCode in compose), or "unknown".
     */
    public String exitStatus(String service) {
        List<String> lines = script("service.sh", false, "exit-status", service);
        return lines.isEmpty() ? "unknown" : lines.get(lines.size() - 1).trim();
    }

    /** The service's log, this run of it. */
    List<String> logLines(String service) {
        return script("service.sh", false, "logs", service);
    }

    /** scripts/dlq.sh replay GROUP against docker compose: its output, a line per replayed letter and a summary. */
    List<String> replayDeadLetters(String group) {
        return script("dlq.sh", true, "replay", group);
    }

    private void service(String action, String target) {
        script("service.sh", true, action, target);
    }

    private List<String> script(String script, boolean echo, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts").resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String what = "scripts/" + script + " " + String.join(" ", args);
        try {
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(line -> {
                    lines.add(line);
                    if (echo) {
                        out.accept("    " + line);
                    }
                });
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(what + " failed");
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
