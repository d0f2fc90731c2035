package io.txlab.order.ordering.application;

import io.txlab.support.audit.ServiceRecords;
import io.txlab.contracts.event.Participant;

/** Port to what a participant knows about an order (its per-order records endpoint). */
public interface ParticipantRecordsSource {

    /** @throws RuntimeException when the participant cannot be asked now */
    ServiceRecords recordsOf(Participant participant, String orderId);
}
