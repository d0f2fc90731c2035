package io.txlab.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of the platform's processes (their pid files in RUN_DIR/pids) and of the driver, from
 * /proc/PID/stat: utime + stime, fields 14 and 15, in clock ticks. A process counts with its live descendants,
 * so the devstack includes its database and Redis child processes.
 */
final class ProcessCpu {

    static final List<String> PLATFORM = List.of("devstack", "order-service", "inventory-service", "payment-service");
    static final String DRIVER = "driver";

    /** CPU ticks per process name, and why a process is missing. */
    record Sample(Map<String, Long> ticks, List<String> notes) {
    }

    /** One process's CPU over the run. */
    record Usage(String name, double cpuSeconds, double cpuSecondsPerOrder) {
    }

    private record Stat(long ppid, long ticks) {
    }

    private final Path runDir;
    private final Path proc;
    private final long clockTicks;

    ProcessCpu(Path runDir, Path proc, long clockTicks) {
        this.runDir = runDir;
        this.proc = proc;
        this.clockTicks = clockTicks;
    }

    Sample sample() {
        Map<Long, Stat> all = allStats();
        Map<String, Long> ticks = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String name : PLATFORM) {
            Optional<Long> pid = pid(name);
            if (pid.isEmpty()) {
                notes.add(name + ": no pid file in " + runDir.resolve("pids") + ", skipped");
            } else if (!all.containsKey(pid.get())) {
                notes.add(name + ": pid " + pid.get() + " is not running, skipped");
            } else {
                ticks.put(name, treeTicks(all, pid.get()));
            }
        }
        Optional.ofNullable(all.get(ProcessHandle.current().pid())).ifPresent(stat -> ticks.put(DRIVER, stat.ticks()));
        return new Sample(ticks, notes);
    }

    /** Per process sampled both times; per order of {@code orders} accepted (0 when none). */
    List<Usage> usage(Sample before, Sample after, long orders) {
        List<Usage> usage = new ArrayList<>();
        before.ticks().forEach((name, ticksBefore) -> {
            Long ticksAfter = after.ticks().get(name);
            if (ticksAfter != null) {
                double seconds = (double) Math.max(0, ticksAfter - ticksBefore) / clockTicks;
                usage.add(new Usage(name, seconds, orders == 0 ? 0 : seconds / orders));
            }
        });
        return usage;
    }

    private Optional<Long> pid(String name) {
        try {
            return Optional.of(Long.parseLong(Files.readString(runDir.resolve("pids").resolve(name + ".pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long treeTicks(Map<Long, Stat> all, long root) {
        long ticks = all.get(root).ticks();
        for (Map.Entry<Long, Stat> entry : all.entrySet()) {
            if (entry.getValue().ppid() == root && entry.getKey() != root) {
                ticks += treeTicks(all, entry.getKey());
            }
        }
        return ticks;
    }

    private Map<Long, Stat> allStats() {
        Map<Long, Stat> stats = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(entry -> entry.getFileName().toString().matches("[0-9]+"))
                    .forEach(entry -> stat(entry.resolve("stat"))
                            .ifPresent(stat -> stats.put(Long.parseLong(entry.getFileName().toString()), stat)));
        } catch (IOException e) {
            // no /proc (not Linux): no CPU figures, said by the notes of the missing processes
        }
        return stats;
    }

    /** Fields after the command name, which is in parentheses and may hold spaces: state is field 3. */
    private static Optional<Stat> stat(Path file) {
        try {
            String text = Files.readString(file);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
            return Optional.of(new Stat(Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended while we read
        }
    }
}
