package io.txlab.scenarios.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Real process deaths and restarts, through scripts/service.sh (kill -9, and the start command of up.sh). */
final class ServiceProcesses {

    private final Path root;
    private final Consumer<String> out;

    ServiceProcesses(Path root, Consumer<String> out) {
        this.root = root;
        this.out = out;
    }

    void kill(String service) {
        run("kill", service);
    }

    /** Starts the service (or devstack part) again (after a crash, kill or stop) and returns when it is ready. */
    void start(String service) {
        run("start", service);
    }

    /** Has the devstack shut an embedded part down (broker or database), its data kept for {@link #start}. */
    void stop(String part) {
        run("stop", part);
    }

    /** Freezes a devstack part (SIGSTOP): an outage that answers nothing. Only Redis, for now. */
    void pause(String part) {
        run("pause", part);
    }

    void resume(String part) {
        run("resume", part);
    }

    /** The service's current log, as scripts/lib.sh writes it: $TXLAB_RUN_DIR/logs (default .run/logs). */
    List<String> logLines(String service) {
        String runDir = System.getenv("TXLAB_RUN_DIR");
        Path log = (runDir != null ? Path.of(runDir) : root.resolve(".run")).resolve("logs").resolve(service + ".log");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private void run(String action, String service) {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("scripts/service.sh").toString(), action, service)
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> out.accept("    " + line));
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("scripts/service.sh " + action + " " + service + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/service.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
