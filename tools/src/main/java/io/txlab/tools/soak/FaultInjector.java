package io.txlab.tools.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.runner.ServiceProcesses;

/**
 * Injects one planned fault into the running platform, lifts it after its hold, starts again whatever it left
 * dead, and measures the recovery with a probe order. Every fault is lifted, even when its injection failed
 * half-way: the next one needs the whole platform.
 */
final class FaultInjector {

    static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service");
    private static final Duration CRASH_WAIT = Duration.ofSeconds(60);

    private final ServiceProcesses processes;
    private final PlatformClient api;
    private final String adminToken;
    private final RecoveryProbe probe;
    private final Consumer<String> probeOrders;
    private final long runStart;
    private final long runEnd;

    /**
     * @param probeOrders hears the id of every probe order placed
     * @param runStart    the run's start (System.nanoTime)
     * @param runEnd      when the load stops: no fault is held past it
     */
    FaultInjector(ServiceProcesses processes, PlatformClient api, String adminToken, RecoveryProbe probe,
                  Consumer<String> probeOrders, long runStart, long runEnd) {
        this.processes = processes;
        this.api = api;
        this.adminToken = adminToken;
        this.probe = probe;
        this.probeOrders = probeOrders;
        this.runStart = runStart;
        this.runEnd = runEnd;
    }

    FaultRecord inject(PlannedFault fault) {
        double started = second();
        String note;
        try {
            note = apply(fault);
        } catch (RuntimeException e) {
            note = "injection failed: " + e.getMessage();
        } finally {
            lift(fault);
        }
        double lifted = second();
        List<String> restarted = startDeadServices();
        double recovery = probe.awaitFinalOrder(probeOrders).isPresent() ? second() - lifted : -1;
        return new FaultRecord(fault, started, lifted, recovery, restarted, note);
    }

    /** Injects the fault and holds it; lifting is {@link #lift}'s. */
    private String apply(PlannedFault fault) {
        switch (fault.kind()) {
            case KILL_ORDER, KILL_INVENTORY, KILL_PAYMENT -> {
                processes.kill(fault.service());
                holdFault(fault);
            }
            case KILL_MID_BATCH -> {
                arm(fault);
                return awaitCrash(fault.service()) ? "" : "the point was not passed within " + CRASH_WAIT.toSeconds()
                        + " s: disarmed";
            }
            case BROKER_RESTART, DATABASE_RESTART, REDIS_RESTART -> {
                processes.stop(fault.service());
                holdFault(fault);
            }
            case REDIS_PAUSE -> {
                processes.pause(fault.service());
                holdFault(fault);
            }
            case SECOND_ORDER_INSTANCE -> {
                processes.start(fault.service());
                holdFault(fault);
            }
            case FAULT_POINT -> {
                arm(fault);
                holdFault(fault);
            }
        }
        return "";
    }

    private void lift(PlannedFault fault) {
        try {
            switch (fault.kind()) {
                case KILL_ORDER, KILL_INVENTORY, KILL_PAYMENT -> processes.start(fault.service());
                case BROKER_RESTART, DATABASE_RESTART, REDIS_RESTART -> processes.start(fault.service());
                case REDIS_PAUSE -> processes.resume(fault.service());
                case SECOND_ORDER_INSTANCE -> processes.kill(fault.service());
                case FAULT_POINT, KILL_MID_BATCH -> disarm(fault);
            }
        } catch (RuntimeException e) {
            // startDeadServices and the probe see what is still missing
        }
    }

    /** A crash point can fire before its arming is answered: the service is then gone, which is no failure. */
    private void arm(PlannedFault fault) {
        PlatformClient.Reply reply;
        try {
            reply = api.armFault(shortName(fault.service()), adminToken, fault.armBody());
        } catch (RuntimeException e) {
            if (fault.action().kind() == FaultAction.Kind.CRASH && !processes.exitStatus(fault.service()).equals("running")) {
                return;
            }
            throw e;
        }
        if (reply.status() != 201) {
            throw new IllegalStateException("arming " + fault.point() + " answered " + reply.status() + " "
                    + reply.body());
        }
    }

    /** A crash point that fired took its armed state with it; one that did not is disarmed. */
    private void disarm(PlannedFault fault) {
        if (processes.exitStatus(fault.service()).equals("running")) {
            api.disarmFaults(shortName(fault.service()), adminToken);
        }
    }

    private boolean awaitCrash(String service) {
        long deadline = System.nanoTime() + CRASH_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.exitStatus(service).equals("running")) {
                return true;
            }
            Pause.seconds(1);
        }
        return false;
    }

    private void holdFault(PlannedFault fault) {
        long left = Math.max(0, (runEnd - System.nanoTime()) / 1_000_000_000L);
        Pause.seconds(Math.min(fault.holdSeconds(), left));
    }

    private List<String> startDeadServices() {
        List<String> restarted = new ArrayList<>();
        for (String service : SERVICES) {
            if (!processes.exitStatus(service).equals("running")) {
                try {
                    processes.start(service);
                    restarted.add(service);
                } catch (RuntimeException e) {
                    restarted.add(service + " (did not start: " + e.getMessage() + ")");
                }
            }
        }
        return restarted;
    }

    private double second() {
        return (System.nanoTime() - runStart) / 1e9;
    }

    static String shortName(String service) {
        return service.substring(0, service.indexOf('-'));
    }
}
