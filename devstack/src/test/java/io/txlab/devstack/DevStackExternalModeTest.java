package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths that start no server: everything external, bad settings, a port that is taken. */
class DevStackExternalModeTest {

    @TempDir
    Path dir;

    @Test
    void externalPartsAreReturnedAsGivenAndNothingIsStarted() {
        DevStackSettings settings = new DevStackSettings(1, 2, 3, 10, dir, List.of("t"));
        Map<String, String> env = Map.of(
                DevStack.ENV_MYSQL_URL, "jdbc:mysql://db.example:3306",
                DevStack.ENV_MYSQL_USER, "app",
                DevStack.ENV_MYSQL_PASSWORD, "secret",
                DevStack.ENV_REDIS_URL, "redis://cache.example:6379",
                DevStack.ENV_NAMESRV_ADDR, "mq.example:9876");

        try (DevStack stack = DevStack.start(settings, env)) {
            assertThat(stack.environment()).isEqualTo(env);
            assertThat(stack.mysqlUser()).isEqualTo("app");
            assertThat(stack.describe().lines()).hasSize(3).allMatch(line -> line.contains("external"));
        }
    }

    @Test
    void externalMysqlDefaultsToRootWithoutPassword() {
        DevStackSettings settings = new DevStackSettings(1, 2, 3, 10, dir, List.of());
        Map<String, String> env = Map.of(DevStack.ENV_MYSQL_URL, "jdbc:mysql://db.example:3306",
                DevStack.ENV_REDIS_URL, "redis://cache.example:6379", DevStack.ENV_NAMESRV_ADDR, "mq.example:9876");

        try (DevStack stack = DevStack.start(settings, env)) {
            assertThat(stack.mysqlUser()).isEqualTo("root");
            assertThat(stack.mysqlPassword()).isEmpty();
        }
    }

    @Test
    void portInUseFailsWithOneLineNamingPartAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            DevStackSettings settings = new DevStackSettings(port, 2, 3, 10, dir, List.of());
            Map<String, String> env = Map.of(DevStack.ENV_REDIS_URL, "redis://x:1", DevStack.ENV_NAMESRV_ADDR, "x:1");

            assertThatThrownBy(() -> DevStack.start(settings, env))
                    .isInstanceOf(DevStackException.class)
                    .hasMessage("MariaDB port " + port + " is already in use on 127.0.0.1");
        }
    }

    @Test
    void failedStartDeletesTheTemporaryDirectoryOfTestSettings() throws Exception {
        DevStackSettings temporary = DevStackSettings.forTests();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DevStackSettings settings = new DevStackSettings(taken.getLocalPort(), temporary.redisPort(),
                    temporary.namesrvPort(), temporary.brokerPort(), temporary.baseDir(), List.of());
            Map<String, String> env = Map.of(DevStack.ENV_REDIS_URL, "redis://x:1", DevStack.ENV_NAMESRV_ADDR, "x:1");

            assertThatThrownBy(() -> DevStack.start(settings, env)).isInstanceOf(DevStackException.class);
            assertThat(temporary.baseDir()).doesNotExist();
        }
    }

    @Test
    void settingsRejectPortsThatCollideWithTheBrokersDerivedPorts() {
        assertThatThrownBy(() -> new DevStackSettings(19909, 16379, 19876, 19911, dir, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runCommandSettingsUseTheDocumentedPorts() {
        DevStackSettings settings = DevStackSettings.forRunCommand(Path.of(".run/devstack"));
        assertThat(List.of(settings.mysqlPort(), settings.redisPort(), settings.namesrvPort(), settings.brokerPort()))
                .containsExactly(13306, 16379, 19876, 19911);
        assertThat(BrokerPorts.fast(settings.brokerPort())).isEqualTo(19909);
        assertThat(BrokerPorts.ha(settings.brokerPort())).isEqualTo(19912);
        assertThat(settings.baseDir()).isAbsolute();
    }

    @Test
    void testSettingsPickDistinctFreePortsAndATemporaryDirectory() {
        DevStackSettings settings = DevStackSettings.forTests();
        try {
            assertThat(settings.baseDir().resolve(DevStackSettings.TEMPORARY_MARKER)).exists();
            assertThat(Ports.isFree(settings.mysqlPort(), false)).isTrue();
            assertThat(Ports.isFree(BrokerPorts.ha(settings.brokerPort()), true)).isTrue();
        } finally {
            Closing.deleteTree(settings.baseDir());
        }
        assertThat(Files.exists(settings.baseDir())).isFalse();
    }
}
