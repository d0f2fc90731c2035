package io.txlab.order.deadletters.web;

import java.util.List;
import java.util.Map;

import io.txlab.order.deadletters.application.DeadLetters;
import io.txlab.support.admin.AdminAccess;
import io.txlab.support.admin.AdminToken;
import io.txlab.deadletter.DeadLetter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The broker's dead letters per consumer group for the console, and their replay (admin). */
@RestController
@RequestMapping("/api/console/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final AdminAccess access;

    DeadLetterController(DeadLetters deadLetters, AdminAccess access) {
        this.deadLetters = deadLetters;
        this.access = access;
    }

    /**
     * Lists the dead letters of each consumer group, oldest first.
     * <p>
     * The messages the broker moved to {@code %DLQ%<group>} after the group's last redelivery failed, or at once
     * when a service parked them; each says whether it was replayed already. {@code group}: one of the consumer
     * groups (all by default); another is a 400 problem naming it. Reads each group's queue to its end: seconds,
     * not milliseconds.
     */
    @GetMapping
    Map<String, List<DeadLetter>> list(@RequestParam(required = false) String group) {
        return deadLetters.byGroup(group == null || group.isBlank() ? null : group.trim());
    }

    /**
     * Replays a consumer group's dead letters (admin).
     * <p>
     * Sends the group's dead letters not replayed before back to that group only, as {@code scripts/dlq.sh replay}
     * does, and lists them. Needs {@code X-Admin-Token}: 401 or 403 without it; an unknown group is a 400 problem.
     */
    @PostMapping("/{group}/replay")
    ResponseEntity<?> replay(@RequestHeader(value = AdminToken.HEADER, required = false) String token,
                             @PathVariable String group) {
        var refusal = access.refusal(token);
        if (refusal.isPresent()) {
            return ResponseEntity.of(refusal.get()).build();
        }
        return ResponseEntity.ok(Map.of("group", group, "replayed", deadLetters.replay(group)));
    }
}
