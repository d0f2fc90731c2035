package io.txlab.support.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.txlab.support.tx.CheckBack;
import io.txlab.support.tx.InFlightTransaction;
import io.txlab.support.tx.TransactionAudit;
import io.txlab.support.web.QueryParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transactions this service's half messages went through, for a reviewer looking for uncertain ones: the
 * check-backs it answered and the half messages still undecided. Every service has it (each answers the
 * check-backs of its own half messages).
 */
@RestController
@RequestMapping("/api/transactions")
class TransactionsController {

    static final Duration DEFAULT_IN_FLIGHT_WINDOW = Duration.ofDays(1);
    static final int DEFAULT_LIMIT = 100;

    /**
     * A half message still undecided, as listed.
     *
     * @param ageMillis how long since the broker first asked about it
     */
    record InFlight(String txId, String orderId, String eventType, int attempts, Instant firstCheckBack,
                    Instant lastCheckBack, long ageMillis) {

        static InFlight of(InFlightTransaction tx, Instant now) {
            return new InFlight(tx.txId(), tx.orderId(), tx.eventType(), tx.attempts(), tx.firstCheckBack(),
                    tx.lastCheckBack(), Math.max(0, Duration.between(tx.firstCheckBack(), now).toMillis()));
        }
    }

    private final TransactionAudit audit;
    private final Clock clock;

    TransactionsController(TransactionAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Lists the check-backs this service answered, newest first.
     * <p>
     * {@code since} and {@code until}: ISO-8601 instants (2026-11-22T10:00:00Z) or durations back from now
     * (PT10M); the last hour by default. {@code answer}: COMMIT, ROLLBACK or UNKNOWN, all by default.
     * {@code limit}: 1 to 1000, 100 by default. A bad parameter is a 400 problem naming it.
     */
    @GetMapping("/checkbacks")
    List<CheckBack> checkBacks(@RequestParam(required = false) String since,
                               @RequestParam(required = false) String until,
                               @RequestParam(required = false) String answer,
                               @RequestParam(required = false) String limit) {
        CheckBackFilter filter = CheckBackFilter.read(since, until, answer, limit, clock.instant());
        return audit.checkBacksBetween(filter.since(), filter.until(), filter.answer(), filter.limit());
    }

    /**
     * Lists the half messages whose local outcome is not final yet, oldest first.
     * <p>
     * A half message shows here once the broker has checked back and every answer was UNKNOWN while the tx_log
     * has no row for it: its local transaction never finished, the broker keeps asking, and nothing consumes it
     * meanwhile. {@code since} (an instant or a duration back, the last day by default) bounds when it was first
     * checked back; {@code limit} 1 to 1000, 100 by default. Each comes with its age since the first check-back.
     */
    @GetMapping("/in-flight")
    List<InFlight> inFlight(@RequestParam(required = false) String since,
                            @RequestParam(required = false) String limit) {
        Instant now = clock.instant();
        QueryParameters parameters = new QueryParameters();
        Instant from = parameters.pointInTime("since", since, now).orElse(now.minus(DEFAULT_IN_FLIGHT_WINDOW));
        int max = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, TransactionAudit.MAX_LIMIT);
        parameters.validate();
        return audit.inFlightSince(from, max).stream().map(tx -> InFlight.of(tx, now)).toList();
    }
}
