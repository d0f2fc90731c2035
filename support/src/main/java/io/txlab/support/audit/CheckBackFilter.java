package io.txlab.support.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.txlab.contracts.time.TimestampRange;
import io.txlab.support.tx.CheckBack;
import io.txlab.support.tx.TransactionAudit;
import io.txlab.support.web.QueryParameters;

/**
 * The check-back filters of {@code GET /api/transactions/checkbacks}, read from the request's parameters: one
 * reading for each service's own list and for the console's list of all three.
 *
 * @param since  from this instant on (the last hour by default)
 * @param until  before this instant (none by default)
 * @param answer only this answer (all by default)
 * @param limit  at most this many (100 by default, 1 to {@link TransactionAudit#MAX_LIMIT})
 */
public record CheckBackFilter(Instant since, Instant until, Optional<CheckBack.Answer> answer, int limit) {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    static final int DEFAULT_LIMIT = 100;

    /**
     * @param since and {@code until}: an ISO-8601 instant or a duration back from {@code now} (PT10M)
     * @throws QueryParameters.InvalidQueryParameters a 400 problem naming every bad parameter
     */
    public static CheckBackFilter read(String since, String until, String answer, String limit, Instant now) {
        QueryParameters parameters = new QueryParameters();
        Instant from = parameters.pointInTime("since", since, now).orElse(now.minus(DEFAULT_WINDOW));
        Instant to = parameters.pointInTime("until", until, now).orElse(TimestampRange.LATEST);
        Optional<CheckBack.Answer> wanted = parameters.oneOf("answer", answer, CheckBack.Answer.class);
        int max = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, TransactionAudit.MAX_LIMIT);
        parameters.validate();
        return new CheckBackFilter(from, to, wanted, max);
    }
}
