package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesJsonMarkdownAndAScriptFreeHtmlChart() throws Exception {
        BenchOptions options = BenchOptions.parse("step-up", "--rate", "10", "--step", "10", "--max-rate", "20",
                "--step-seconds", "1");
        Recording recording = new Recording();
        recording.offered(0, true);
        recording.completed(0, 0, true, 3_000_000, OpenLoop.Result.ok("o-1"));
        recording.completed(1, 1, true, 7_000_000, OpenLoop.Result.failed("HTTP 503"));
        ConsistencyReader.Consistency consistency =
                new ConsistencyReader.Consistency(1, 1, 0, 0, true, 0.5, 12.0, recording.orderLatency());
        List<Steps.Step> steps = Steps.of(Schedule.of(options), recording, List.of(consistency,
                new ConsistencyReader.Consistency(0, 0, 0, 0, true, 0.5, 0, new LatencySummary(0, 0, 0, 0, 0))));
        BenchResult result = new BenchResult(options, "2026-01-01T00:00:00Z", "http://127.0.0.1:8081", 4,
                new BenchResult.Figures(1, 1, 15, 14.5, 2.0, 0, recording.orderLatency(), null, recording.errorsByKind(),
                        consistency,
                        List.of(new ProcessCpu.Usage("order-service", 2.0, 0.002))),
                List.of(), null, steps, steps.get(0), "step 2 at 20/s: no orders offered", recording.timeSeries(),
                List.of("devstack: no pid file, skipped"));

        ResultFiles.Paths paths = new ResultFiles(dir.resolve("bench")).write(result, LocalDateTime.of(2026, 1, 2, 3, 4, 5));

        assertThat(paths.json()).hasFileName("step-up-20260102-030405.json");
        JsonNode json = JsonMapper.builder().build().readTree(paths.json().toFile());
        assertThat(json.path("settings").path("profile").asString()).isEqualTo("STEP_UP");
        assertThat(json.path("figures").path("achievedOrderRate").asDouble()).isEqualTo(14.5);
        assertThat(json.path("figures").path("errorsByKind")).isEqualTo(JsonMapper.builder().build().valueToTree(
                Map.of("HTTP 503", 1)));
        assertThat(json.path("timeSeries")).hasSize(2);
        assertThat(json.path("knee").path("label").asString()).isEqualTo("step 1 at 10/s");
        assertThat(json.path("knee").path("confirmedRate").asDouble()).isEqualTo(1.0);
        assertThat(json.path("steps").get(0).path("consistency").path("confirmed").asInt()).isEqualTo(1);
        assertThat(json.path("kneeEndedBy").asString()).startsWith("step 2 at 20/s: ");
        assertThat(json.path("settings").path("consistencySloMillis").asInt()).isEqualTo(1000);
        assertThat(Files.readString(paths.markdown())).contains("| offered order rate | 15.0 /s (1 orders) |",
                "Consistency knee: step 1 at 10/s", "it ended at step 2 at 20/s",
                "| step 1 at 10/s | 1.0 | 1.0 | 3.0 | 1.0 | 1 / 0 / 0 | 3.0 / 7.0 | 0 | yes |",
                "| CPU s per order: order-service | 0.00200 (2.00 s in all) |");
        assertThat(Files.readString(paths.html())).startsWith("<!DOCTYPE html>").contains("<svg", "<polyline")
                .doesNotContain("<script", "<link", "http-equiv");
    }

    @Test
    void niceCeilingsForTheChartAxes() {
        assertThat(HtmlChart.niceCeiling(0)).isEqualTo(1);
        assertThat(HtmlChart.niceCeiling(3)).isEqualTo(5);
        assertThat(HtmlChart.niceCeiling(120)).isEqualTo(200);
        assertThat(HtmlChart.niceCeiling(1000)).isEqualTo(1000);
    }
}
