package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @TempDir
    Path dir;

    @Test
    void aProcessCountsWithItsDescendantsAndMissingOnesAreNoted() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Path runDir = Files.createDirectories(dir.resolve("run").resolve("pids")).getParent();
        stat(proc, 100, "java", 1, 300, 50);
        stat(proc, 101, "mysqld (embedded)", 100, 40, 10);
        stat(proc, 102, "redis-server", 101, 5, 5);
        stat(proc, 200, "java", 1, 1000, 200);
        Files.writeString(runDir.resolve("pids/devstack.pid"), "100\n");
        Files.writeString(runDir.resolve("pids/order-service.pid"), "200");
        Files.writeString(runDir.resolve("pids/payment-service.pid"), "999");

        ProcessCpu.Sample sample = new ProcessCpu(runDir, proc, 100).sample();

        assertThat(sample.ticks()).containsEntry("devstack", 410L).containsEntry("order-service", 1200L);
        assertThat(sample.notes()).containsExactly(
                "inventory-service: no pid file in " + runDir.resolve("pids") + ", skipped",
                "payment-service: pid 999 is not running, skipped");
    }

    @Test
    void usageIsTheDifferenceInSecondsAndPerOrder() {
        ProcessCpu cpu = new ProcessCpu(dir, dir, 100);
        ProcessCpu.Sample before = new ProcessCpu.Sample(Map.of("order-service", 1000L), List.of());
        ProcessCpu.Sample after = new ProcessCpu.Sample(Map.of("order-service", 1500L), List.of());

        assertThat(cpu.usage(before, after, 1000)).containsExactly(new ProcessCpu.Usage("order-service", 5.0, 0.005));
    }

    private static void stat(Path proc, long pid, String command, long ppid, long utime, long stime) throws Exception {
        // fields 3..13 are state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt
        String line = pid + " (" + command + ") S " + ppid + " 1 1 0 -1 4194560 10 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 30 0 100 0 0";
        Files.writeString(Files.createDirectories(proc.resolve(Long.toString(pid))).resolve("stat"), line);
    }
}
