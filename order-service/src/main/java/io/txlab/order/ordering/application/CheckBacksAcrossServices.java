package io.txlab.order.ordering.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.txlab.contracts.event.Participant;
import io.txlab.support.tx.CheckBack;
import io.txlab.support.tx.TransactionAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The check-backs of all three services in one list, for the console: this service's own half messages
 * (OrderCreated) and the participants' (their reply and compensation transactions). A participant that cannot
 * be asked is named in {@link Gathered#unavailable()}; the others are still shown.
 */
@Service
public class CheckBacksAcrossServices {

    private static final Logger log = LoggerFactory.getLogger(CheckBacksAcrossServices.class);
    static final String ORDER = "order";

    /** A check-back, the service that answered it and the broker (its address) that asked. */
    public record ServiceCheckBack(String service, String txId, String orderId, String eventType, int attempt,
                                   CheckBack.Answer answer, String instance, Instant receivedAt,
                                   Instant answeredAt, String broker) {

        static ServiceCheckBack of(String service, CheckBack checkBack) {
            return new ServiceCheckBack(service, checkBack.txId(), checkBack.orderId(), checkBack.eventType(),
                    checkBack.attempt(), checkBack.answer(), checkBack.instance(), checkBack.receivedAt(),
                    checkBack.answeredAt(), checkBack.broker());
        }
    }

    /** Newest first, at most the query's limit in all. */
    public record Gathered(List<ServiceCheckBack> checkBacks, List<String> unavailable) {
    }

    private final TransactionAudit audit;
    private final ParticipantCheckBacks participants;

    public CheckBacksAcrossServices(TransactionAudit audit, ParticipantCheckBacks participants) {
        this.audit = audit;
        this.participants = participants;
    }

    public Gathered gather(CheckBackQuery query) {
        List<ServiceCheckBack> all = new ArrayList<>();
        audit.checkBacksBetween(query.since(), query.until(), query.answer(), query.limit())
                .forEach(checkBack -> all.add(ServiceCheckBack.of(ORDER, checkBack)));
        List<String> unavailable = new ArrayList<>();
        for (Participant participant : Participant.values()) {
            String service = participant.name().toLowerCase(Locale.ROOT);
            try {
                participants.checkBacks(participant, query)
                        .forEach(checkBack -> all.add(ServiceCheckBack.of(service, checkBack)));
            } catch (RuntimeException e) {
                log.warn("check-backs of {} not read: {}", service, e.toString());
                unavailable.add(service);
            }
        }
        all.sort(Comparator.comparing(ServiceCheckBack::answeredAt).reversed());
        return new Gathered(List.copyOf(all.subList(0, Math.min(query.limit(), all.size()))), unavailable);
    }
}
