package io.txlab.support.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/faults}: arm, list and disarm this service's fault points. Every request needs
 * {@code X-Admin-Token}; arming needs the chaos profile as well.
 */
@RestController
@RequestMapping("/admin/faults")
class FaultAdminController {

    private final FaultPoints faults;
    private final AdminAccess access;

    FaultAdminController(FaultPoints faults, AdminAccess access) {
        this.faults = faults;
        this.access = access;
    }

    /**
     * Lists this service's fault points: whether faults are on (chaos profile), which are armed, which exist
     * (admin token).
     */
    @GetMapping
    ResponseEntity<?> list(@RequestHeader(value = AdminToken.HEADER, required = false) String presented) {
        return refusal(presented).orElseGet(() -> ResponseEntity.ok(state()));
    }

    /**
     * Arms a fault point: at that point throw, crash, delay, answer UNKNOWN or drop the end-transaction, a number
     * of times (admin token and the chaos profile; 409 without it). 201 with the armed fault.
     */
    @PostMapping
    ResponseEntity<?> arm(@RequestHeader(value = AdminToken.HEADER, required = false) String presented,
                          @RequestBody ArmFaultRequest request) {
        return refusal(presented).orElseGet(() -> armChecked(request));
    }

    /**
     * Disarms every fault point of this service (admin token). 204.
     */
    @DeleteMapping
    ResponseEntity<?> disarmAll(@RequestHeader(value = AdminToken.HEADER, required = false) String presented) {
        return refusal(presented).orElseGet(() -> {
            faults.disarmAll();
            return ResponseEntity.noContent().build();
        });
    }

    /**
     * Disarms one fault point (admin token). 204, also when it was not armed.
     */
    @DeleteMapping("/{point}")
    ResponseEntity<?> disarm(@RequestHeader(value = AdminToken.HEADER, required = false) String presented,
                             @PathVariable String point) {
        return refusal(presented).orElseGet(() -> {
            FaultPoint.named(faults.service(), point).ifPresent(faults::disarm);
            return ResponseEntity.noContent().build();
        });
    }

    private ResponseEntity<?> armChecked(ArmFaultRequest request) {
        if (!faults.enabled()) {
            return problem(HttpStatus.CONFLICT, "Fault points are off",
                    "start " + faults.service() + " with the chaos profile (SPRING_PROFILES_ACTIVE=chaos) to arm faults", List.of());
        }
        List<String> errors = new ArrayList<>();
        Optional<FaultPoint> point = FaultPoint.named(faults.service(), request.point());
        if (point.isEmpty()) {
            errors.add("point must be one of " + FaultPoint.of(faults.service()).stream()
                    .map(known -> known.nameIn(faults.service())).toList());
        }
        FaultAction action = request.toAction(errors);
        if (!errors.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid fault", String.join("; ", errors), errors);
        }
        faults.arm(point.get(), action);
        return ResponseEntity.created(URI.create("/admin/faults/" + request.point())).body(state());
    }

    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("service", faults.service());
        state.put("enabled", faults.enabled());
        state.put("armed", faults.armed());
        state.put("points", FaultPoint.of(faults.service()).stream()
                .map(point -> Map.of("name", point.nameIn(faults.service()), "where", point.where()))
                .toList());
        state.put("actions", ArmFaultRequest.actions());
        return state;
    }

    private Optional<ResponseEntity<?>> refusal(String presented) {
        return access.refusal(presented).map(problem -> ResponseEntity.of(problem).build());
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail, List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.of(problem).build();
    }
}
