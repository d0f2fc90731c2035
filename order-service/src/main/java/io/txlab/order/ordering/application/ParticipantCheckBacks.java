package io.txlab.order.ordering.application;

import java.util.List;

import io.txlab.contracts.event.Participant;
import io.txlab.support.tx.CheckBack;

/** Port to the check-backs a participant answered (its GET /api/transactions/checkbacks). */
public interface ParticipantCheckBacks {

    /** @throws RuntimeException when the participant cannot be asked now */
    List<CheckBack> checkBacks(Participant participant, CheckBackQuery query);
}
