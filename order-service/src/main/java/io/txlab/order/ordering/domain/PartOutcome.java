package io.txlab.order.ordering.domain;

/** What one participant (inventory or payment) has reported for an order so far. */
public enum PartOutcome {
    AWAITED, APPLIED, REJECTED
}
