package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DevStackControlTest {

    private final List<String> calls = new ArrayList<>();
    private final int port = Ports.pickFree(Ports.newTakenSet());
    private final DevStackControl control = DevStackControl.start(port, (part, start) -> {
        if (part.equals("database") && start) {
            throw new DevStackException("the database is external (TXLAB_MYSQL_URL): stop and start it yourself");
        }
        calls.add(part + (start ? " start" : " stop"));
        return part + (start ? " started" : " stopped");
    });
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        control.close();
    }

    @Test
    void aPostStopsOrStartsThePartAndAnswersWhatHappened() throws Exception {
        HttpResponse<String> stopped = send("POST", "/broker/stop");
        HttpResponse<String> started = send("POST", "/broker/start");

        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).startsWith("broker stopped in ");
        assertThat(started.body()).startsWith("broker started in ");
        assertThat(calls).containsExactly("broker stop", "broker start");
    }

    /** The two-broker mode's second broker is a part of its own; /broker stays the default broker (broker-a). */
    @Test
    void brokerBIsStoppedAndStartedOnItsOwnPath() throws Exception {
        assertThat(send("POST", "/broker-b/stop").body()).startsWith("broker-b stopped in ");
        assertThat(send("POST", "/broker-b/start").body()).startsWith("broker-b started in ");
        assertThat(calls).containsExactly("broker-b stop", "broker-b start");
    }

    @Test
    void aRefusalIs400WithTheReason() throws Exception {
        HttpResponse<String> refused = send("POST", "/database/start");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("the database is external");
    }

    @Test
    void unknownPathsAndOtherMethodsTouchNothing() throws Exception {
        assertThat(send("POST", "/kafka/stop").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/broker/restart").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/broker/stop").statusCode()).isEqualTo(405);
        assertThat(calls).isEmpty();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
