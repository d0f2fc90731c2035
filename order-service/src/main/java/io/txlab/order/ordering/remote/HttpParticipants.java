package io.txlab.order.ordering.remote;

import java.time.Duration;
import java.util.List;

import io.txlab.support.audit.ServiceRecords;
import io.txlab.contracts.event.Participant;
import io.txlab.order.ordering.application.CheckBackQuery;
import io.txlab.order.ordering.application.ParticipantCheckBacks;
import io.txlab.order.ordering.application.ParticipantFaults;
import io.txlab.support.admin.AdminToken;
import io.txlab.support.tx.CheckBack;
import io.txlab.order.ordering.application.OrderSettings;
import io.txlab.order.ordering.application.ParticipantRecordsSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The order service's one HTTP client to the participants: their per-order records (GET
 * /api/{inventory|payment}/orders/{orderId}), the check-backs they answered (GET /api/transactions/checkbacks) and
 * their fault points (/admin/faults, for the console).
 */
@Component
class HttpParticipants implements ParticipantRecordsSource, ParticipantCheckBacks, ParticipantFaults {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RestClient inventory;
    private final RestClient payment;

    HttpParticipants(OrderSettings settings) {
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
    public List<CheckBack> checkBacks(Participant participant, CheckBackQuery query) {
        CheckBack[] found = client(participant).get()
                .uri(uri -> {
                    uri.path("/api/transactions/checkbacks")
                            .queryParam("since", query.since().toString())
                            .queryParam("until", query.until().toString())
                            .queryParam("limit", query.limit());
                    query.answer().ifPresent(answer -> uri.queryParam("answer", answer.name()));
                    return uri.build();
                })
                .retrieve()
                .body(CheckBack[].class);
        return found == null ? List.of() : List.of(found);
    }

    @Override
    public Answer relay(Participant participant, String method, String path, String adminToken, String json) {
        RestClient.RequestBodySpec request = client(participant).method(HttpMethod.valueOf(method))
                .uri("/admin/faults" + path);
        if (adminToken != null) {
            request.header(AdminToken.HEADER, adminToken);
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((sent, response) -> {
            MediaType type = response.getHeaders().getContentType();
            return new Answer(response.getStatusCode().value(), type == null ? null : type.toString(),
                    response.getBody().readAllBytes());
        });
    }

    private RestClient client(Participant participant) {
        return participant == Participant.INVENTORY ? inventory : payment;
    }

    @Override
    public ServiceRecords recordsOf(Participant participant, String orderId) {
        RestClient client = client(participant);
        return client.get()
                .uri("/api/{participant}/orders/{orderId}", participant.tag(), orderId)
                .retrieve()
                .body(ServiceRecords.class);
    }
}
