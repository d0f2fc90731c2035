package io.txlab.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launcher for the run command: {@code java -jar txlab-devstack-*-exec.jar [baseDir]} (default
 * {@code .run/devstack}). Starts the stack on the fixed ports of {@link DevStackSettings#forRunCommand},
 * then writes {@code <baseDir>/devstack.env} and logs {@value #READY_LINE}; runs until SIGTERM/SIGINT.
 * Console output is one line per event; details (and causes of failures) go to {@code <baseDir>/devstack.log}.
 */
public final class DevStackMain {

    public static final String READY_LINE = "TXLAB DEVSTACK READY";
    public static final String ENV_FILE = "devstack.env";

    private DevStackMain() {
    }

    public static void main(String[] args) {
        Path baseDir = Path.of(args.length > 0 ? args[0] : ".run/devstack").toAbsolutePath().normalize();
        // Both read once, when logback initializes: set them before the first logger exists.
        System.setProperty("txlab.devstack.dir", baseDir.toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-devstack.xml");
        }
        Logger log = LoggerFactory.getLogger(DevStackMain.class);
        Path envFile = baseDir.resolve(ENV_FILE);
        DevStack stack;
        try {
            Files.deleteIfExists(envFile);
            stack = DevStack.start(DevStackSettings.forRunCommand(baseDir), System.getenv());
        } catch (IOException | RuntimeException e) {
            log.error("TXLAB DEVSTACK FAILED: {}", e instanceof DevStackException ? e.getMessage() : e.toString());
            log.debug("devstack start failure", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException e) {
                log.warn("could not delete {}: {}", envFile, e.toString());
            }
            log.info("stopping the devstack");
            stack.close();
            log.info("devstack stopped");
        }, "txlab-devstack-main-shutdown"));
        try {
            stack.describe().lines().forEach(line -> log.info("{}", line));
            writeAtomically(envFile, stack.environment());
            log.info("environment written to {}", envFile);
        } catch (IOException e) {
            log.error("TXLAB DEVSTACK FAILED: cannot write {}: {}", envFile, e.getMessage());
            System.exit(1);
        }
        log.info("{} (stop with Ctrl+C or SIGTERM)", READY_LINE);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Readers either see no file or the complete one. */
    private static void writeAtomically(Path file, Map<String, String> environment) throws IOException {
        String content = environment.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
