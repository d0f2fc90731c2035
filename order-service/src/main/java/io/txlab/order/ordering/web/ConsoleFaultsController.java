package io.txlab.order.ordering.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.txlab.contracts.event.Participant;
import io.txlab.order.ordering.application.ParticipantFaults;
import io.txlab.support.admin.AdminToken;
import org.springframework.http.HttpHeaders;
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
 * The participants' fault points for the console, whose page reaches only the order service: each call goes on
 * to {@code /admin/faults} of inventory or payment with the caller's X-Admin-Token, and its answer comes back as
 * given (the participant checks the token and the chaos profile). The order service's own points are at its
 * {@code /admin/faults}.
 */
@RestController
@RequestMapping("/api/console/faults/{service}")
class ConsoleFaultsController {

    private final ParticipantFaults faults;

    ConsoleFaultsController(ParticipantFaults faults) {
        this.faults = faults;
    }

    /**
     * Lists a participant's fault points and which are armed (admin).
     * <p>
     * {@code service}: inventory or payment, another a 400 problem; the answer is the participant's {@code GET
     * /admin/faults}, its 401/403 included; 503 when the participant does not answer.
     */
    @GetMapping
    ResponseEntity<?> list(@PathVariable String service,
                           @RequestHeader(value = AdminToken.HEADER, required = false) String token) {
        return relay(service, "GET", "", token, null);
    }

    /**
     * Arms one of a participant's fault points (admin).
     * <p>
     * The body is that of the participant's {@code POST /admin/faults}, passed on unread: the participant checks it.
     */
    @PostMapping
    ResponseEntity<?> arm(@PathVariable String service,
                          @RequestHeader(value = AdminToken.HEADER, required = false) String token,
                          @RequestBody String request) {
        return relay(service, "POST", "", token, request);
    }

    /** Disarms every fault point of a participant (admin). */
    @DeleteMapping
    ResponseEntity<?> disarmAll(@PathVariable String service,
                                @RequestHeader(value = AdminToken.HEADER, required = false) String token) {
        return relay(service, "DELETE", "", token, null);
    }

    /** Disarms one fault point of a participant (admin). */
    @DeleteMapping("/{point}")
    ResponseEntity<?> disarm(@PathVariable String service, @PathVariable String point,
                             @RequestHeader(value = AdminToken.HEADER, required = false) String token) {
        return relay(service, "DELETE", "/" + point, token, null);
    }

    private ResponseEntity<?> relay(String service, String method, String path, String token, String body) {
        Optional<Participant> participant = Arrays.stream(Participant.values())
                .filter(p -> p.name().equalsIgnoreCase(service)).findFirst();
        if (participant.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown participant", "service must be inventory or payment");
        }
        ParticipantFaults.Answer answer;
        try {
            answer = faults.relay(participant.get(), method, path, token, body);
        } catch (RuntimeException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Participant unavailable",
                    participant.get().name().toLowerCase(Locale.ROOT) + " did not answer");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.contentType() != null) {
            response.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        return response.body(answer.body());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(detail));
        return ResponseEntity.of(problem).build();
    }
}
