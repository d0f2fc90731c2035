package io.txlab.tools.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.txlab.devstack.BrokerTransactionSettings;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

class ScenarioMainTest {

    @Test
    void scenarioNamesAreUniqueAndEachHasADescription() {
        assertThat(Scenarios.ALL).extracting(Scenario::name).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z-]+"));
        assertThat(Scenarios.ALL).allSatisfy(scenario -> assertThat(scenario.description()).isNotBlank());
        assertThat(Scenarios.named("crash-after-local-commit")).isPresent();
    }

    @Test
    void maxChecksDiscardExpectsTheDevstacksTransactionCheckMax() {
        assertThat(ProducerScenarios.MAX_CHECKS).isEqualTo(BrokerTransactionSettings.TRANSACTION_CHECK_MAX);
    }

    @Test
    void aHaltsLogLineNamesTheOrderAndTransactionOfTheHaltedRequest() {
        Crash crash = Crash.of("2026-12-04T18:50:01.123Z ERROR [order=ord-1 tx=tx-9] 4711 --- "
                + "[order-service] [nio-8081-exec-3] i.t.common.fault.FaultPoints : fault point=order.before-local-tx "
                + "halting the JVM now");
        Crash outsideAnOrder = Crash.of("ERROR [order= tx=] fault point=x halting the JVM now");

        assertThat(crash).isEqualTo(new Crash("ord-1", "tx-9"));
        assertThat(outsideAnOrder).isEqualTo(new Crash(null, null));
    }

    @Test
    void checkBacksAreDescribedAsRunsOfAttemptsWithOneAnswer() {
        ArrayNode checkBacks = JsonNodeFactory.instance.arrayNode();
        for (int attempt = 1; attempt <= 15; attempt++) {
            checkBacks.addObject().put("attempt", attempt).put("answer", attempt == 15 ? "ROLLBACK" : "UNKNOWN");
        }
        List<JsonNode> all = new ArrayList<>();
        checkBacks.forEach(all::add);

        assertThat(ProducerScenarios.describe(all)).isEqualTo("attempts 1-14 UNKNOWN, 15 ROLLBACK");
        assertThat(ProducerScenarios.describe(all.subList(14, 15))).isEqualTo("attempt 15 ROLLBACK");
        assertThat(ProducerScenarios.describe(List.of())).isEqualTo("none");
    }

    @Test
    void allRunsEveryScenarioOnOneBrokerAndClusterTheTwoBrokerSet() {
        assertThat(Scenarios.chosen("cluster")).extracting(Scenario::name).containsExactly("broker-failover", "scale-out");
        assertThat(Scenarios.chosen("all")).noneMatch(Scenario::needsTwoBrokers)
                .hasSize(Scenarios.ALL.size() - 2).extracting(Scenario::name).contains("broker-restart");
        assertThat(Scenarios.chosen("scale-out")).extracting(Scenario::name).containsExactly("scale-out");
    }

    @Test
    void aPlatformWithTheOtherBrokerCountIsRefusedWithWhatToDo() {
        assertThat(ScenarioMain.wrongBrokerCount(Scenarios.chosen("cluster"), 2)).isEmpty();
        assertThat(ScenarioMain.wrongBrokerCount(Scenarios.chosen("all"), 1)).isEmpty();
        assertThat(ScenarioMain.wrongBrokerCount(Scenarios.chosen("cluster"), 1)).get(InstanceOfAssertFactories.STRING)
                .startsWith("broker-failover runs on two broker masters and this platform has 1")
                .contains("scripts/down.sh");
        assertThat(ScenarioMain.wrongBrokerCount(Scenarios.chosen("broker-restart"), 2)).get(InstanceOfAssertFactories.STRING)
                .startsWith("broker-restart runs on one broker and this platform has 2");
        assertThat(ScenarioMain.run(new String[] {"scale-out"}, Map.of("TXLAB_BROKERS", "1")))
                .isEqualTo(ScenarioMain.CANNOT_RUN);
    }

    @Test
    void badUsageAndUnknownScenariosExitWith2BeforeTouchingThePlatform() {
        assertThat(ScenarioMain.run(new String[0], Map.of())).isEqualTo(ScenarioMain.CANNOT_RUN);
        assertThat(ScenarioMain.run(new String[] {"no-such-scenario"}, Map.of())).isEqualTo(ScenarioMain.CANNOT_RUN);
    }

    @Test
    void aPlatformThatIsNotRunningExitsWith2() {
        Map<String, String> nowhere = Map.of("TXLAB_ORDER_PORT", "1", "TXLAB_INVENTORY_PORT", "1", "TXLAB_PAYMENT_PORT", "1");

        assertThat(ScenarioMain.run(new String[] {"happy-path"}, nowhere)).isEqualTo(ScenarioMain.CANNOT_RUN);
    }

    @Test
    void theSummaryNamesEveryScenarioAndWhatFailed() {
        List<String> lines = SummaryTable.lines(List.of(
                new ScenarioRunner.Result("happy-path", true, Duration.ofMillis(4100), List.of()),
                new ScenarioRunner.Result("consumer-throws", false, Duration.ofMillis(3500), List.of("the stock moved once"))));

        assertThat(lines).anyMatch(line -> line.startsWith("happy-path") && line.contains("PASS") && line.contains("4.1"));
        assertThat(lines).anyMatch(line -> line.startsWith("consumer-throws") && line.contains("FAIL")
                && line.endsWith("the stock moved once"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 of 2 passed in 7.6 s");
    }
}
