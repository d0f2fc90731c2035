package io.txlab.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The platform's admin token, as scripts/load.sh flash finds it: TXLAB_ADMIN_TOKEN, else RUN_DIR/admin-token. */
final class AdminToken {

    private AdminToken() {
    }

    static Optional<String> find(Map<String, String> env, Path runDir) {
        String token = env.getOrDefault("TXLAB_ADMIN_TOKEN", "").strip();
        if (!token.isEmpty()) {
            return Optional.of(token);
        }
        Path file = runDir.resolve("admin-token");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            String stored = Files.readString(file).strip();
            return stored.isEmpty() ? Optional.empty() : Optional.of(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token in " + file + ": " + e.getMessage(), e);
        }
    }
}
