package io.txlab.order.ordering.application;

import java.time.Instant;
import java.util.Optional;

import io.txlab.support.tx.CheckBack;

/** Check-backs answered in [since, until), optionally only one answer, newest first, at most {@code limit}. */
public record CheckBackQuery(Instant since, Instant until, Optional<CheckBack.Answer> answer, int limit) {
}
