package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTimelineTest {

    @TempDir
    Path dir;

    @Test
    void samplesAtEverySecondBoundaryUpToTheRunsEnd() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc/100"));
        Files.writeString(proc.resolve("stat"), "100 (java) S 1 1 1 0 -1 4194560 10 0 0 0 300 50 0 0 20 0 30 0 100 0 0");
        Path runDir = Files.createDirectories(dir.resolve("run/pids")).getParent();
        Files.writeString(runDir.resolve("pids/order-service.pid"), "100");

        CpuTimeline timeline = CpuTimeline.start(new ProcessCpu(runDir, dir.resolve("proc"), 100), System.nanoTime());
        List<ProcessCpu.Sample> samples = timeline.stopAt(1);

        assertThat(samples).hasSize(2).allSatisfy(sample -> assertThat(sample.ticks()).containsEntry("order-service", 350L));
    }
}
