package io.txlab.order.ordering.web;

import java.time.Clock;

import io.txlab.order.ordering.application.CheckBackQuery;
import io.txlab.order.ordering.application.CheckBacksAcrossServices;
import io.txlab.support.audit.CheckBackFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the reviewers' console reads from all three services at once, gathered by the order service. */
@RestController
@RequestMapping("/api/console")
class ConsoleController {

    private final CheckBacksAcrossServices checkBacks;
    private final Clock clock;

    ConsoleController(CheckBacksAcrossServices checkBacks, Clock clock) {
        this.checkBacks = checkBacks;
        this.clock = clock;
    }

    /**
     * Lists the check-backs all three services answered, newest first.
     * <p>
     * Each comes with the {@code service} that answered it (order, inventory or payment); {@code unavailable} names
     * a service that could not be asked, the others are still shown. The filters are those of each service's
     * {@code GET /api/transactions/checkbacks}: {@code since} and {@code until} ISO-8601 instants or durations
     * back from now (the last hour by default), {@code answer} COMMIT, ROLLBACK or UNKNOWN, {@code limit} 1 to
     * 1000 (100 by default) in all. A bad parameter is a 400 problem naming it.
     */
    @GetMapping("/checkbacks")
    CheckBacksAcrossServices.Gathered checkBacks(@RequestParam(required = false) String since,
                                                 @RequestParam(required = false) String until,
                                                 @RequestParam(required = false) String answer,
                                                 @RequestParam(required = false) String limit) {
        CheckBackFilter filter = CheckBackFilter.read(since, until, answer, limit, clock.instant());
        return checkBacks.gather(new CheckBackQuery(filter.since(), filter.until(), filter.answer(), filter.limit()));
    }
}
