package io.txlab.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.txlab.support.admin.AdminToken;
import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Catches drift between docker/docker-compose.yml and the services' own configuration: a variable the
 * compose file sets that no service reads, a setting that points at the devstack (127.0.0.1) or a
 * credential left without a value, an unpinned image, a container without a healthcheck, a topic list
 * that differs from the devstack's.
 */
class ComposeConfigTest {

    private static final Path DOCKER = Path.of("..", "docker");
    /** Read by Spring or by code rather than through a ${...} placeholder in the service's yml. */
    private static final Set<String> READ_OUTSIDE_YML = Set.of("SPRING_PROFILES_ACTIVE", AdminToken.VARIABLE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /** ${VAR:?message} or ${VAR:-default}, as compose interpolates them. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[?-][^}]*)?}");

    private final Map<String, Object> services = services();
    private final Map<String, String> dotEnv = dotEnvExample();

    @Test
    void everyVariableTheComposeFileSetsIsReadByItsService() throws IOException {
        for (String name : javaServices()) {
            Set<String> read = placeholders(serviceModule(name)).keySet();
            assertThat(environment(name).keySet())
                    .as("variables compose sets for %s that %s.yml does not read", name, serviceModule(name))
                    .allMatch(variable -> read.contains(variable) || READ_OUTSIDE_YML.contains(variable));
        }
    }

    @Test
    void everySettingThatDefaultsToTheDevstackOrIsACredentialHasAValue() throws IOException {
        for (String name : javaServices()) {
            Map<String, String> placeholders = placeholders(serviceModule(name));
            Map<String, String> env = environment(name);
            placeholders.forEach((variable, defaultValue) -> {
                boolean required = defaultValue.contains("127.0.0.1") || variable.equals("TXLAB_MYSQL_USER")
                        || variable.equals("TXLAB_MYSQL_PASSWORD");
                if (required) {
                    assertThat(interpolate(env.get(variable))).as("%s of %s", variable, name).isNotBlank()
                            .doesNotContain("127.0.0.1");
                }
            });
        }
    }

    @Test
    void everyServiceHasTheAdminTokenAndOnlyTheChaosSetHasFaultPointsOn() {
        for (String name : javaServices()) {
            Map<String, String> env = environment(name);
            assertThat(interpolate(env.get(AdminToken.VARIABLE))).as("%s: the services refuse a shorter token", name)
                    .hasSizeGreaterThanOrEqualTo(AdminToken.MIN_LENGTH);
            boolean chaos = profiles(name).stream().anyMatch(profile -> profile.startsWith("chaos"));
            if (chaos) {
                assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(name).contains("chaos");
            } else {
                assertThat(env).as(name).doesNotContainKey("SPRING_PROFILES_ACTIVE");
            }
        }
    }

    @Test
    void eachServiceConnectsAsItsOwnDatabaseUserWhichTheInitScriptGrantsItsOwnSchemaOnly() throws IOException {
        String init = Files.readString(DOCKER.resolve("mysql/01-txlab-schemas-and-users.sh"), StandardCharsets.UTF_8);
        for (String name : javaServices()) {
            String module = serviceModule(name);
            String schema = placeholders(module).get("TXLAB_" + module.replace("-service", "").toUpperCase() + "_SCHEMA");
            String user = environment(name).get("TXLAB_MYSQL_USER");
            assertThat(user).as(name).isEqualTo(schema);
            assertThat(init).contains("GRANT ALL PRIVILEGES ON " + schema + ".* TO '" + user + "'@'%';");
            assertThat(Pattern.compile("GRANT ALL PRIVILEGES ON \\w+\\.\\* TO '" + user + "'").matcher(init).results().count())
                    .as("schemas granted to %s", user).isEqualTo(1);
        }
    }

    @Test
    void everyImageIsPinnedAndEveryLongRunningContainerHasAHealthcheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"), StandardCharsets.UTF_8);
        assertThat(dockerfile).contains("HEALTHCHECK");
        services.forEach((name, definition) -> {
            Map<?, ?> service = (Map<?, ?>) definition;
            if (service.get("image") instanceof String image) {
                assertThat(image).as(name).matches("[^:]+:[0-9][\\w.\\-]*");
            }
            Map<?, ?> healthcheck = (Map<?, ?>) service.get("healthcheck");
            boolean oneShot = "no".equals(service.get("restart")) && healthcheck != null
                    && Boolean.TRUE.equals(healthcheck.get("disable"));
            boolean builtWithHealthcheck = service.get("build") instanceof Map<?, ?> build && "service".equals(build.get("target"));
            if (!oneShot && !builtWithHealthcheck && !name.equals("dlq-tool")) {
                assertThat(healthcheck != null && healthcheck.containsKey("test")).as("healthcheck of %s", name).isTrue();
            }
            if (service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                dependsOn.values().forEach(condition -> assertThat(String.valueOf(((Map<?, ?>) condition).get("condition")))
                        .as(name).isIn("service_healthy", "service_completed_successfully"));
            }
        });
    }

    @Test
    void theTopicInitCreatesTheDevstacksTopicsAndRetryTopics() {
        List<?> command = (List<?>) ((Map<?, ?>) services.get("rocketmq-topics")).get("command");
        String script = String.valueOf(command.get(command.size() - 1));
        Matcher topics = Pattern.compile("for topic in ([^;]+); do").matcher(script);
        Matcher groups = Pattern.compile("for group in ([^;]+); do").matcher(script);
        assertThat(topics.find()).isTrue();
        assertThat(groups.find()).isTrue();
        assertThat(List.of(topics.group(1).trim().split("\\s+"))).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(List.of(groups.group(1).trim().split("\\s+"))).containsExactlyInAnyOrderElementsOf(ConsumerGroups.ALL);
    }

    private List<String> javaServices() {
        return services.keySet().stream().filter(name -> name.matches("(order|inventory|payment)-service.*")).toList();
    }

    private static String serviceModule(String composeService) {
        return composeService.replaceAll("(-chaos|-2)$", "");
    }

    private List<String> profiles(String name) {
        Object profiles = ((Map<?, ?>) services.get(name)).get("profiles");
        return profiles == null ? List.of() : ((List<?>) profiles).stream().map(String::valueOf).toList();
    }

    private Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        Object declared = ((Map<?, ?>) services.get(name)).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> env.put(String.valueOf(key), String.valueOf(value)));
        }
        return env;
    }

    /** Variables of a service's own yml, each with its default ("" when it has none). */
    private static Map<String, String> placeholders(String module) throws IOException {
        String yml = Files.readString(Path.of("..", module, "src/main/resources", module + ".yml"), StandardCharsets.UTF_8);
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(yml);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        }
        return found;
    }

    /** A compose value with its ${VARIABLE} references resolved from .env.example, as a user's first run sees it. */
    private String interpolate(String value) {
        if (value == null) {
            return "";
        }
        return COMPOSE_VARIABLE.matcher(value).replaceAll(match -> Matcher.quoteReplacement(
                dotEnv.getOrDefault(match.group(1), "")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yml"),
                    StandardCharsets.UTF_8));
            return (Map<String, Object>) compose.get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> dotEnvExample() {
        try (Stream<String> lines = Files.lines(DOCKER.resolve(".env.example"), StandardCharsets.UTF_8)) {
            Map<String, String> env = new LinkedHashMap<>();
            lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                    .forEach(line -> env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            return env;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
