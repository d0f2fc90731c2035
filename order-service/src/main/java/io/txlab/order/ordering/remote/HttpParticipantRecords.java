package io.txlab.order.ordering.remote;

import java.time.Duration;

import io.txlab.support.audit.ServiceRecords;
import io.txlab.contracts.event.Participant;
import io.txlab.order.ordering.application.OrderSettings;
import io.txlab.order.ordering.application.ParticipantRecordsSource;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads a participant's per-order records over HTTP: GET /api/{inventory|payment}/orders/{orderId}. */
@Component
class HttpParticipantRecords implements ParticipantRecordsSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RestClient inventory;
    private final RestClient payment;

    HttpParticipantRecords(OrderSettings settings) {
        this.inventory = client(settings.inventoryUrl());
        this.payment = client(settings.paymentUrl());
    }

    private static RestClient client(String baseUrl) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        return RestClient.builder().requestFactory(requests).baseUrl(baseUrl).build();
    }

    @Override
    public ServiceRecords recordsOf(Participant participant, String orderId) {
        RestClient client = participant == Participant.INVENTORY ? inventory : payment;
        return client.get()
                .uri("/api/{participant}/orders/{orderId}", participant.tag(), orderId)
                .retrieve()
                .body(ServiceRecords.class);
    }
}
