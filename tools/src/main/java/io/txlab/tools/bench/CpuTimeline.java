package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.txlab.tools.concurrent.DaemonThreads;

/**
 * The CPU of the platform's processes and the driver at every second boundary of a run: sample k at start + k s,
 * from another thread. Sample k may come late on a busy machine; {@link #lateSamples()} says how many did.
 */
final class CpuTimeline {

    static final long LATE_NANOS = 200_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final ProcessCpu cpu;
    private final long start;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bench-cpu"));
    private final List<ProcessCpu.Sample> samples = new ArrayList<>();
    private int late;

    private CpuTimeline(ProcessCpu cpu, long start) {
        this.cpu = cpu;
        this.start = start;
    }

    /** Starts sampling at {@code start} (System.nanoTime), which should not be in the past. */
    static CpuTimeline start(ProcessCpu cpu, long start) {
        CpuTimeline timeline = new CpuTimeline(cpu, start);
        timeline.timer.scheduleAtFixedRate(timeline::sample, Math.max(0, start - System.nanoTime()), SECOND,
                TimeUnit.NANOSECONDS);
        return timeline;
    }

    /** Waits (up to 2 s past it) for the sample at second {@code seconds}, the run's end; samples 0..seconds. */
    List<ProcessCpu.Sample> stopAt(int seconds) {
        long deadline = start + (seconds + 2) * SECOND;
        while (count() <= seconds && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        DaemonThreads.stop(timer);
        synchronized (this) {
            return List.copyOf(samples.subList(0, Math.min(samples.size(), seconds + 1)));
        }
    }

    synchronized int lateSamples() {
        return late;
    }

    private void sample() {
        ProcessCpu.Sample sample = cpu.sample();
        synchronized (this) {
            late += System.nanoTime() - (start + samples.size() * SECOND) > LATE_NANOS ? 1 : 0;
            samples.add(sample);
        }
    }

    private synchronized int count() {
        return samples.size();
    }
}
