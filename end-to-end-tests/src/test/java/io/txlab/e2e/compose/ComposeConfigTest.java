package io.txlab.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.txlab.support.admin.AdminToken;
import io.txlab.support.metrics.MicrometerMeters;
import io.txlab.support.metrics.TxLabMeters;
import org.apache.rocketmq.broker.metrics.BrokerMetricsConstant;
import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Catches drift between docker/docker-compose.yml and the services' own configuration: a variable the
 * compose file sets that no service reads, a setting that points at the devstack (127.0.0.1) or a
 * credential left without a value, an unpinned image, a container without a healthcheck, a topic list
 * that differs from the devstack's, a second instance (NAME-2) that differs from its chaos-set instance or
 * that scripts/compose-service.sh does not know.
 */
class ComposeConfigTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final Path SCRIPTS = Path.of("..", "scripts");
    /** The profile of the second instances, started on demand only. */
    private static final String SECOND_INSTANCE_PROFILE = "chaos-second-instance";
    /** Each compose broker and the conf file it runs. */
    private static final Map<String, String> BROKER_CONFS = Map.of("broker", "broker.conf", "broker-b", "broker-b.conf");
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
                // a version, never a moving tag; Prometheus' tags start with a v
                assertThat(image).as(name).matches("[^:]+:v?[0-9][\\w.\\-]*");
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

    /**
     * broker (broker-a) and broker-b each run their own conf file, publish and health-check the port that file
     * listens on, and have a topic init that waits for the name the file registers, then runs the one script
     * (so both get the same topics). broker-b and its init only with the "cluster" profile.
     */
    @Test
    void eachBrokerRunsItsOwnConfAndGetsTheTopicsOnceItHasRegistered() {
        Map<String, String> topicInitOf = Map.of("broker", "rocketmq-topics", "broker-b", "rocketmq-topics-b");
        assertThat(brokers()).as("the compose file's brokers").containsExactlyInAnyOrderElementsOf(BROKER_CONFS.keySet());
        Object script = ((Map<?, ?>) services.get("rocketmq-topics")).get("command");
        BROKER_CONFS.forEach((broker, file) -> {
            Map<?, ?> service = (Map<?, ?>) services.get(broker);
            Properties conf = conf(file);
            String port = conf.getProperty("listenPort", "10911");
            assertThat(String.valueOf(service.get("volumes"))).as(broker)
                    .contains("./" + file + ":/home/rocketmq/broker.conf:ro");
            assertThat(String.valueOf(service.get("command"))).as(broker).contains("/home/rocketmq/broker.conf");
            assertThat(String.valueOf(service.get("ports"))).as(broker).contains("127.0.0.1:" + port + ":" + port);
            assertThat(String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test"))).as(broker)
                    .contains("/dev/tcp/127.0.0.1/" + port);
            assertThat(conf.getProperty("brokerIP1")).as(file).isEqualTo(broker);

            String initName = topicInitOf.get(broker);
            Map<?, ?> init = (Map<?, ?>) services.get(initName);
            assertThat(init.get("command")).as(initName).isEqualTo(script);
            assertThat(environment(initName)).containsEntry("TXLAB_BROKER_NAME", conf.getProperty("brokerName"));
            assertThat(((Map<?, ?>) init.get("depends_on")).keySet().stream().map(String::valueOf).toList())
                    .as(initName).containsExactly(broker);
        });
        assertThat(profiles("broker")).isEmpty();
        assertThat(profiles("broker-b")).containsExactly("cluster");
        assertThat(profiles("rocketmq-topics-b")).containsExactly("cluster");
    }

    /**
     * Each service has a second instance, NAME-2 (scripts/lib.sh's SECOND_INSTANCES), built and configured as its
     * chaos-set instance, in the same groups, started on demand only (its own profile, no restart policy), on the
     * host port compose-test.sh gives the scenario runner for it (TXLAB_ORDER2_PORT and so on).
     */
    @Test
    void everySecondInstanceIsItsChaosInstanceOnItsOwnPortStartedOnDemand() throws IOException {
        Map<String, String> runnerPorts = composeTestPorts();
        assertThat(secondInstances()).as("the compose file's second instances")
                .containsExactlyInAnyOrderElementsOf(shellArray(SCRIPTS.resolve("lib.sh"), "SECOND_INSTANCES"));
        for (String name : secondInstances()) {
            String module = serviceModule(name);
            String chaos = module + "-chaos";
            Map<?, ?> service = (Map<?, ?>) services.get(name);
            Map<?, ?> first = (Map<?, ?>) services.get(chaos);
            assertThat(service.get("build")).as("build of %s", name).isEqualTo(first.get("build"));
            assertThat(service.get("image")).as("image of %s", name).isEqualTo(first.get("image"));
            assertThat(service.get("depends_on")).as("dependencies of %s", name).isEqualTo(first.get("depends_on"));
            assertThat(environment(name)).as("environment of %s", name).isEqualTo(environment(chaos));
            assertThat(profiles(name)).as(name).containsExactly(SECOND_INSTANCE_PROFILE);
            assertThat(service.get("restart")).as("restart of %s", name).isEqualTo("no");

            String port = listenPort(name);
            String prefix = runnerPrefix(module);
            assertThat(hostPorts(chaos)).as("%s's port for the runner", chaos)
                    .containsExactly("127.0.0.1:" + runnerPorts.get("TXLAB_" + prefix + "_PORT") + ":" + port);
            assertThat(runnerPorts).as("compose-test.sh's port for %s", name).containsKey("TXLAB_" + prefix + "2_PORT");
            assertThat(hostPorts(name)).as(name)
                    .containsExactly("127.0.0.1:" + runnerPorts.get("TXLAB_" + prefix + "2_PORT") + ":" + port);
        }
        assertThat(services.keySet().stream().filter(name -> profiles(name).contains(SECOND_INSTANCE_PROFILE)))
                .as("the services of the %s profile", SECOND_INSTANCE_PROFILE)
                .containsExactlyInAnyOrderElementsOf(secondInstances());
    }

    /**
     * scripts/compose-service.sh (scripts/service.sh against compose) knows every second instance and every broker
     * of the compose file, each as its own container, a second instance health-checked on the port lib.sh reads from
     * the variable compose-test.sh sets; and every container it acts on is a compose service.
     */
    @Test
    void composeServiceShKnowsEverySecondInstanceAndBrokerOfTheComposeFile() throws IOException {
        Map<String, String[]> arms = composeServiceArms();
        String lib = Files.readString(SCRIPTS.resolve("lib.sh"), StandardCharsets.UTF_8);
        for (String name : secondInstances()) {
            assertThat(arms).as("compose-service.sh's services").containsKey(name);
            assertThat(arms.get(name)[0]).as("container of %s", name).isEqualTo(name);
            String variable = runnerPrefix(serviceModule(name)) + "2_PORT";
            assertThat(arms.get(name)[1]).as("port of %s", name).isEqualTo("$" + variable);
            assertThat(lib).as("lib.sh's %s", variable).contains(variable + "=\"${TXLAB_" + variable + ":-");
        }
        for (String broker : brokers()) {
            assertThat(arms).as("compose-service.sh's services").containsKey(broker);
            assertThat(arms.get(broker)[0]).as("container of %s", broker).isEqualTo(broker);
        }
        arms.forEach((name, arm) -> assertThat(services).as("the container compose-service.sh uses for %s", name)
                .containsKey(arm[0]));
    }

    /** Every target Prometheus scrapes is a compose service, on the port it listens on in the network. */
    @Test
    void everyScrapeTargetIsAComposeServiceAndItsPort() throws IOException {
        List<String> targets = scrapeTargets();
        assertThat(targets).isNotEmpty();
        for (String target : targets) {
            String service = target.substring(0, target.indexOf(':'));
            String port = target.substring(target.indexOf(':') + 1);
            assertThat(services).as("scrape target %s", target).containsKey(service);
            assertThat(port).as("port of %s", target).isEqualTo(listenPort(service));
        }
        assertThat(targets).as("every service of both sets and the second instances, and every broker's exporter")
                .containsAll(javaServices().stream().map(name -> name + ":" + listenPort(name)).toList())
                .containsAll(BROKER_CONFS.keySet().stream().map(broker -> broker + ":" + listenPort(broker)).toList());
        BROKER_CONFS.forEach((broker, file) -> assertThat(conf(file).getProperty("metricsExporterType")).as(file)
                .isEqualTo("PROM"));
    }

    @Test
    void grafanaReadsTheComposePrometheus() throws IOException {
        String datasource = Files.readString(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml"),
                StandardCharsets.UTF_8);
        assertThat(datasource).contains("url: http://prometheus:9090");
        assertThat(String.valueOf(((Map<?, ?>) services.get("prometheus")).get("ports"))).contains(":9090:9090");
    }

    /**
     * The dashboard parses, and every series its queries read exists: a TxLab meter the services register (the
     * names a Prometheus registry gives support's meters), or a metric the RocketMQ broker exports.
     */
    @Test
    void theDashboardParsesAndItsQueriesNameMetersThatExist() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/txlab.json").toFile());
        Set<String> txlab = txlabSeries();
        Set<String> broker = brokerSeries();
        List<String> read = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                Matcher metric = Pattern.compile("\\b(txlab_\\w+|rocketmq_\\w+)").matcher(target.path("expr").asString());
                while (metric.find()) {
                    read.add(metric.group(1));
                }
            }
        }
        assertThat(read).as("series the dashboard reads").isNotEmpty()
                .allMatch(name -> txlab.contains(name) || broker.contains(name));
        assertThat(read.stream().filter(name -> name.startsWith("txlab_")).map(ComposeConfigTest::meterOf).distinct())
                .as("every domain meter has a panel")
                .containsExactlyInAnyOrderElementsOf(txlab.stream().map(ComposeConfigTest::meterOf).distinct().toList());
    }

    private List<String> scrapeTargets() throws IOException {
        Map<?, ?> config = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/prometheus.yml"), StandardCharsets.UTF_8));
        List<String> targets = new ArrayList<>();
        for (Object job : (List<?>) config.get("scrape_configs")) {
            for (Object staticConfig : (List<?>) ((Map<?, ?>) job).get("static_configs")) {
                ((List<?>) ((Map<?, ?>) staticConfig).get("targets")).forEach(target -> targets.add(String.valueOf(target)));
            }
        }
        return targets;
    }

    /** A Java service's port inside the network (its image's PORT); a broker's metrics exporter's. */
    private String listenPort(String service) {
        if (BROKER_CONFS.containsKey(service)) {
            return conf(BROKER_CONFS.get(service)).getProperty("metricsPromExporterPort");
        }
        Map<?, ?> build = (Map<?, ?>) ((Map<?, ?>) services.get(service)).get("build");
        return build == null ? "" : String.valueOf(((Map<?, ?>) build.get("args")).get("PORT"));
    }

    private static Properties conf(String file) {
        Properties conf = new Properties();
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve(file), StandardCharsets.UTF_8)) {
            conf.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return conf;
    }

    /** What /actuator/prometheus shows of every TxLab meter, each used once. */
    private static Set<String> txlabSeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerMeters meters = new MicrometerMeters(registry);
        meters.halfMessage("OrderCreated", "COMMITTED");
        meters.checkBack("COMMIT");
        meters.consumed("inventory", "OrderCreated", 1);
        meters.dedupHit("inventory", "OrderCreated");
        meters.deliveryFailed("inventory", "OrderCreated");
        meters.deadLettered("inventory", "OrderCreated", TxLabMeters.DeadLetterReason.POISON);
        meters.compensated("inventory", TxLabMeters.Compensation.UNDONE);
        meters.sweeperCancelled(1);
        meters.flashGate(TxLabMeters.FlashGateOutcome.QUEUED);
        meters.outboxUnsent(() -> 0);
        meters.reachedFinalState("CONFIRMED", Duration.ofMillis(50));
        return registry.scrape().lines().filter(line -> line.startsWith("txlab_"))
                .map(line -> line.split("[{ ]")[0]).collect(Collectors.toSet());
    }

    /** The broker's metric names (RocketMQ's BrokerMetricsConstant); a counter's already end in _total. */
    private static Set<String> brokerSeries() {
        return Stream.of(BrokerMetricsConstant.class.getFields())
                .filter(field -> field.getType() == String.class && !field.getName().startsWith("LABEL_"))
                .map(field -> {
                    try {
                        return String.valueOf(field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(name -> name.startsWith("rocketmq_")).collect(Collectors.toSet());
    }

    /** txlab_time_to_consistency_seconds_bucket and _count are one meter. */
    private static String meterOf(String series) {
        return series.replaceAll("_(seconds_(bucket|count|sum|max)|total)$", "");
    }

    private List<String> javaServices() {
        return services.keySet().stream().filter(name -> name.matches("(order|inventory|payment)-service.*")).toList();
    }

    private List<String> secondInstances() {
        return javaServices().stream().filter(name -> name.endsWith("-2")).toList();
    }

    /** ORDER for order-service, as in TXLAB_ORDER_PORT and TXLAB_ORDER2_PORT. */
    private static String runnerPrefix(String module) {
        return module.replace("-service", "").toUpperCase();
    }

    /** The ports a compose service publishes, as written ("127.0.0.1:HOST:CONTAINER"). */
    private List<String> hostPorts(String name) {
        Object ports = ((Map<?, ?>) services.get(name)).get("ports");
        return ports == null ? List.of() : ((List<?>) ports).stream().map(String::valueOf).toList();
    }

    /** The TXLAB_*_PORT=NUMBER that scripts/compose-test.sh exports for the scenario runner. */
    private static Map<String, String> composeTestPorts() throws IOException {
        String script = Files.readString(SCRIPTS.resolve("compose-test.sh"), StandardCharsets.UTF_8);
        Map<String, String> ports = new LinkedHashMap<>();
        Pattern.compile("^export (.+)$", Pattern.MULTILINE).matcher(script).results()
                .flatMap(export -> Pattern.compile("\\b(TXLAB_[A-Z0-9]+_PORT)=([0-9]+)\\b").matcher(export.group(1)).results())
                .forEach(assignment -> ports.put(assignment.group(1), assignment.group(2)));
        return ports;
    }

    /** The words of a bash array NAME=(a b c) in a script. */
    private static List<String> shellArray(Path script, String name) throws IOException {
        Matcher array = Pattern.compile("^" + name + "=\\(([^)]*)\\)", Pattern.MULTILINE)
                .matcher(Files.readString(script, StandardCharsets.UTF_8));
        assertThat(array.find()).as("%s in %s", name, script).isTrue();
        return List.of(array.group(1).trim().split("\\s+"));
    }

    /**
     * compose-service.sh's "case $svc in" arms: each name it accepts, with the container it acts on ($svc
     * resolved) and its port expression ("" when it has none).
     */
    private static Map<String, String[]> composeServiceArms() throws IOException {
        String script = Files.readString(SCRIPTS.resolve("compose-service.sh"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("case \\$svc in\\n(.*?)\\nesac", Pattern.DOTALL).matcher(script);
        assertThat(block.find()).as("compose-service.sh's case $svc").isTrue();
        Pattern arm = Pattern.compile("^\\s*([a-z0-9|-]+)\\)\\s*target=([^;\\s]+)(?:;\\s*port=([^;\\s]+))?", Pattern.MULTILINE);
        Map<String, String[]> arms = new LinkedHashMap<>();
        arm.matcher(block.group(1)).results().forEach(match -> {
            for (String name : match.group(1).split("\\|")) {
                arms.put(name, new String[] {match.group(2).replace("$svc", name), match.group(3) == null ? "" : match.group(3)});
            }
        });
        assertThat(arms).as("compose-service.sh's services").isNotEmpty();
        return arms;
    }

    /** The compose services that run a RocketMQ broker. */
    private List<String> brokers() {
        return services.keySet().stream()
                .filter(name -> String.valueOf(((Map<?, ?>) services.get(name)).get("command")).contains("mqbroker")).toList();
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
