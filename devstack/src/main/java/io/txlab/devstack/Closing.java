package io.txlab.devstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shutdown helpers that never throw and never hang forever. */
final class Closing {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Closing.class);

    private Closing() {
    }

    /** Closes {@code part} on its own thread, waiting at most {@code timeout}; failures are only logged. */
    static void bounded(String name, AutoCloseable part, Duration timeout) {
        if (part == null) {
            return;
        }
        long begin = System.nanoTime();
        Thread closer = new Thread(() -> {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("{} did not close cleanly: {}", name, e.toString());
                log.debug("{} close failure", name, e);
            }
        }, "txlab-devstack-close-" + name);
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            log.warn("{} still closing after {} s; leaving it behind", name, timeout.toSeconds());
        } else {
            log.info("{} stopped in {} ms", name, (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /** Deletes {@code dir} recursively, best effort. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
