package io.txlab.order.ordering.application;

import io.txlab.contracts.event.Participant;

/**
 * Port to a participant's fault points ({@code /admin/faults}, chaos profile), for the console, whose page
 * reaches only the order service. The request goes on as it came, the admin token with it, and the answer
 * comes back as the participant gave it.
 */
public interface ParticipantFaults {

    /** The participant's answer, untouched: its status, content type and body. */
    record Answer(int status, String contentType, byte[] body) {
    }

    /**
     * @param path   under /admin/faults: empty, or "/{point}"
     * @param json   the body to send, or null
     * @throws RuntimeException when the participant cannot be asked now
     */
    Answer relay(Participant participant, String method, String path, String adminToken, String json);
}
