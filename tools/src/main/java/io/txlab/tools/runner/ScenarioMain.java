package io.txlab.tools.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.tools.check.CheckTarget;
import io.txlab.tools.client.PlatformClient;

/**
 * {@code scripts/scenario.sh --list | NAME | all | cluster}: runs failure scenarios against a platform started
 * with the chaos profile, checks the invariants after each, and prints a summary. {@code all} runs every
 * scenario that runs on one broker; {@code cluster} the cluster set, on two broker masters (TXLAB_BROKERS, which
 * scripts/scenario.sh sets from the running devstack). Exit 0 only if all passed; 1 if one failed; 2 for bad
 * usage or a platform that cannot run the scenarios chosen.
 */
public final class ScenarioMain {

    static final int ALL_PASSED = 0;
    static final int FAILED = 1;
    static final int CANNOT_RUN = 2;
    /** How --list marks the cluster set's scenarios, which scripts/scenario.sh reads to start two brokers. */
    static final String CLUSTER_MARK = "[cluster: two brokers]";

    private ScenarioMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        if (args.length != 1) {
            System.err.println("usage: scripts/scenario.sh --list | NAME | all | cluster");
            return CANNOT_RUN;
        }
        if (args[0].equals("--list")) {
            Scenarios.ALL.forEach(s -> System.out.printf("%-28s %s%s%n", s.name(),
                    s.needsTwoBrokers() ? CLUSTER_MARK + " " : "", s.description()));
            return ALL_PASSED;
        }
        List<Scenario> chosen = Scenarios.chosen(args[0]);
        if (chosen.isEmpty()) {
            System.err.println("no scenario " + args[0] + "; scripts/scenario.sh --list shows them");
            return CANNOT_RUN;
        }
        int brokers = Integer.parseInt(env.getOrDefault("TXLAB_BROKERS", "1"));
        Optional<String> wrongBrokers = wrongBrokerCount(chosen, brokers);
        if (wrongBrokers.isPresent()) {
            System.err.println(wrongBrokers.get());
            return CANNOT_RUN;
        }
        PlatformClient api = new PlatformClient(url(env, "TXLAB_ORDER_PORT", 8081), url(env, "TXLAB_INVENTORY_PORT", 8082),
                url(env, "TXLAB_PAYMENT_PORT", 8083));
        String token = env.getOrDefault("TXLAB_ADMIN_TOKEN", "");
        Optional<String> notReady = new PlatformReadiness(api, token).problem();
        if (notReady.isPresent()) {
            System.err.println(notReady.get());
            return CANNOT_RUN;
        }
        ServiceProcesses processes = new ServiceProcesses(Path.of(env.getOrDefault("TXLAB_ROOT", ".")),
                System.out::println);
        PlatformClient secondInstances = new PlatformClient(url(env, "TXLAB_ORDER2_PORT", 8084),
                url(env, "TXLAB_INVENTORY2_PORT", 8085), url(env, "TXLAB_PAYMENT2_PORT", 8086));
        Platform platform = new Platform(api, secondInstances, token, processes,
                DeadLetterReplay.of(env, processes, System.out::println),
                new RedisProbe(env.getOrDefault("TXLAB_REDIS_URL", "redis://127.0.0.1:16379")), brokers);
        ScenarioRunner runner = new ScenarioRunner(platform, CheckTarget.fromEnvironment(env), System.out::println);
        List<ScenarioRunner.Result> results = new ArrayList<>();
        chosen.forEach(scenario -> results.add(runner.run(scenario)));
        SummaryTable.lines(results).forEach(System.out::println);
        return results.stream().allMatch(ScenarioRunner.Result::passed) ? ALL_PASSED : FAILED;
    }

    /** The cluster set runs on two brokers, the rest on one: a platform with the other count cannot run them. */
    static Optional<String> wrongBrokerCount(List<Scenario> chosen, int brokers) {
        boolean two = brokers == 2;
        return chosen.stream().filter(scenario -> scenario.needsTwoBrokers() != two).findFirst()
                .map(scenario -> scenario.name() + " runs on " + (two ? "one broker" : "two broker masters")
                        + " and this platform has " + brokers + ": stop it (scripts/down.sh), then scripts/scenario.sh "
                        + (two ? "all (or NAME)" : "cluster (or NAME)") + " starts one with "
                        + (two ? "one broker" : "two (scripts/up.sh --brokers 2)"));
    }

    private static String url(Map<String, String> env, String portVariable, int port) {
        return "http://127.0.0.1:" + env.getOrDefault(portVariable, Integer.toString(port));
    }
}
