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
    /** See {@link DevStackControl}; scripts/lib.sh knows it as DEVSTACK_CONTROL_PORT. */
    public static final int CONTROL_PORT = 19870;
    /** 2 starts broker-b next to the default broker (scripts/up.sh --brokers 2 sets it). */
    public static final String ENV_BROKERS = "TXLAB_BROKERS";

    private DevStackMain() {
    }

    public static void main(String[] args) {
        Path baseDir = Path.of(args.length > 0 ? args[0] : ".run/devstack").toAbsolutePath().normalize();
        // Both read once, when logback initializes: set them before the first logger exists.
        System.setProperty("txlab.devstack.dir", baseDir.toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-devstack.xml");
        }
        RocketMqSystemProperties.apply();
        // TXLAB_METRICS=on|off, as the services read it (docs/metrics.md)
        System.setProperty(RocketMqConfigs.BROKER_METRICS_PROPERTY,
                String.valueOf(!"off".equalsIgnoreCase(System.getenv().getOrDefault("TXLAB_METRICS", "on"))));
        Logger log = LoggerFactory.getLogger(DevStackMain.class);
        Path envFile = baseDir.resolve(ENV_FILE);
        DevStack stack;
        DevStackControl control;
        try {
            Files.deleteIfExists(envFile);
            Ports.requireFree("devstack control", CONTROL_PORT, false);
            stack = DevStack.start(DevStackSettings.forRunCommand(baseDir, brokers(System.getenv())), System.getenv());
            control = startControl(stack);
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
            control.close();
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

    /** TXLAB_BROKERS: 1 (the default) or 2 broker masters. */
    static int brokers(Map<String, String> env) {
        String value = env.getOrDefault(ENV_BROKERS, "1").strip();
        return switch (value) {
            case "", "1" -> 1;
            case "2" -> 2;
            default -> throw new DevStackException(ENV_BROKERS + " is " + value + ": 1 (the default) or 2 brokers");
        };
    }

    private static DevStackControl startControl(DevStack stack) {
        try {
            DevStackControl control = DevStackControl.start(CONTROL_PORT, stack::control);
            LoggerFactory.getLogger(DevStackMain.class).info("control: POST http://{}:{}/broker/stop (or start), "
                    + "{}/database/stop (or start)", Ports.LOOPBACK, CONTROL_PORT,
                    stack.brokers() == 2 ? "/broker-b/stop (or start), " : "");
            return control;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
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
