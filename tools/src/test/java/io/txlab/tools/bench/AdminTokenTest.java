package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path runDir;

    @Test
    void theEnvironmentFirstThenTheRunDirectorysFile() throws Exception {
        assertThat(AdminToken.find(Map.of(), runDir)).isEmpty();
        Files.writeString(runDir.resolve("admin-token"), " from-file\n");

        assertThat(AdminToken.find(Map.of(), runDir)).contains("from-file");
        assertThat(AdminToken.find(Map.of("TXLAB_ADMIN_TOKEN", "from-env"), runDir)).contains("from-env");
        assertThat(AdminToken.find(Map.of("TXLAB_ADMIN_TOKEN", " "), runDir)).contains("from-file");
    }

    @Test
    void anEmptyFileIsNoToken() throws Exception {
        Files.writeString(runDir.resolve("admin-token"), "\n");

        assertThat(AdminToken.find(Map.of(), runDir)).isEmpty();
    }
}
