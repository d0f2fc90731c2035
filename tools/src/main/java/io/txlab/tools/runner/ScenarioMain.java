package io.txlab.tools.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.tools.check.CheckTarget;
import io.txlab.tools.client.PlatformClient;

/**
 * {@code scripts/scenario.sh --list | NAME | all}: runs failure scenarios against a platform started with
 * the chaos profile, checks the invariants after each, and prints a summary. Exit 0 only if all passed;
 * 1 if one failed; 2 for bad usage or a platform that cannot run scenarios.
 */
public final class ScenarioMain {

    static final int ALL_PASSED = 0;
    static final int FAILED = 1;
    static final int CANNOT_RUN = 2;

    private ScenarioMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        if (args.length != 1) {
            System.err.println("usage: scripts/scenario.sh --list | NAME | all");
            return CANNOT_RUN;
        }
        if (args[0].equals("--list")) {
            Scenarios.ALL.forEach(s -> System.out.printf("%-28s %s%n", s.name(), s.description()));
            return ALL_PASSED;
        }
        List<Scenario> chosen = args[0].equals("all") ? Scenarios.ALL : Scenarios.named(args[0]).map(List::of).orElse(List.of());
        if (chosen.isEmpty()) {
            System.err.println("no scenario " + args[0] + "; scripts/scenario.sh --list shows them");
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
        Platform platform = new Platform(api, api.withOrderUrl(url(env, "TXLAB_ORDER2_PORT", 8084)), token,
                processes, DeadLetterReplay.of(env, processes, System.out::println), new RedisProbe(env.getOrDefault("TXLAB_REDIS_URL", "redis://127.0.0.1:16379")));
        ScenarioRunner runner = new ScenarioRunner(platform, CheckTarget.fromEnvironment(env), System.out::println);
        List<ScenarioRunner.Result> results = new ArrayList<>();
        chosen.forEach(scenario -> results.add(runner.run(scenario)));
        SummaryTable.lines(results).forEach(System.out::println);
        return results.stream().allMatch(ScenarioRunner.Result::passed) ? ALL_PASSED : FAILED;
    }

    private static String url(Map<String, String> env, String portVariable, int port) {
        return "http://127.0.0.1:" + env.getOrDefault(portVariable, Integer.toString(port));
    }
}
