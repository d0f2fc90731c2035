package io.txlab.support.tx;

import java.time.Instant;

/**
 * A half message the broker still holds undecided: it has checked back, every answer was UNKNOWN, and the
 * tx_log has no row for it, so its local transaction has reached no outcome yet. The broker keeps asking.
 *
 * @param attempts       check-backs answered so far, all UNKNOWN
 * @param firstCheckBack when the broker first asked (the half message was sent before)
 * @param lastCheckBack  when the last answer was given
 */
public record InFlightTransaction(String txId, String orderId, String eventType, int attempts,
                                  Instant firstCheckBack, Instant lastCheckBack) {
}
