package io.txlab.support.audit;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.txlab.contracts.time.TimestampRange;
import io.txlab.support.tx.CheckBack;
import io.txlab.support.tx.TransactionAudit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/transactions/checkbacks?since=…&answer=…&limit=…}: the check-backs this service answered,
 * newest first, for a reviewer looking for uncertain transactions. Every service has it (each answers the
 * check-backs of its own half messages).
 */
@RestController
@RequestMapping("/api/transactions")
class TransactionsController {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    static final int DEFAULT_LIMIT = 100;

    private final TransactionAudit audit;
    private final Clock clock;

    TransactionsController(TransactionAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Lists this service's recent check-backs, newest first: for each, the transaction, the answer it gave
     * (COMMIT, ROLLBACK or UNKNOWN), the attempt, the answering instance and how long the transaction had run.
     *
     * @param since an ISO-8601 instant (2026-11-22T10:00:00Z) or a duration back from now (PT10M); 1 hour by default
     * @param answer COMMIT, ROLLBACK or UNKNOWN; all by default
     */
    @GetMapping("/checkbacks")
    ResponseEntity<?> checkBacks(@RequestParam(required = false) String since,
                                 @RequestParam(required = false) String answer,
                                 @RequestParam(required = false) String limit) {
        List<String> errors = new ArrayList<>();
        Instant from = parseSince(since, clock.instant(), errors);
        Optional<CheckBack.Answer> wanted = parseAnswer(answer, errors);
        int max = parseLimit(limit, errors);
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", errors));
            problem.setTitle("Invalid check-back query");
            problem.setProperty("errors", errors);
            return ResponseEntity.of(problem).build();
        }
        return ResponseEntity.ok(audit.checkBacksSince(from, wanted, max));
    }

    private static Instant parseSince(String since, Instant now, List<String> errors) {
        if (since == null || since.isBlank()) {
            return now.minus(DEFAULT_WINDOW);
        }
        try {
            Instant from = since.startsWith("P") || since.startsWith("p")
                    ? now.minus(Duration.parse(since)) : Instant.parse(since);
            if (TimestampRange.contains(from)) {
                return from;
            }
        } catch (DateTimeException | ArithmeticException e) {
            // reported below; a duration too long to subtract from now overflows
        }
        errors.add("since must be an ISO-8601 instant such as 2026-11-22T10:00:00Z or a duration such as PT10M, "
                + TimestampRange.describe());
        return Instant.EPOCH;
    }

    private static Optional<CheckBack.Answer> parseAnswer(String answer, List<String> errors) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CheckBack.Answer.valueOf(answer.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add("answer must be one of " + Arrays.toString(CheckBack.Answer.values()));
            return Optional.empty();
        }
    }

    private static int parseLimit(String limit, List<String> errors) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= TransactionAudit.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("limit must be a number between 1 and " + TransactionAudit.MAX_LIMIT);
        return DEFAULT_LIMIT;
    }
}
