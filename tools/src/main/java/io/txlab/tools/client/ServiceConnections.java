package io.txlab.tools.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.tools.client.PlatformClient.Unreachable;

/**
 * The connections under {@link PlatformClient}: one {@link KeepAliveHttp} per service, opened at its first
 * request, and the blocking call that turns an answer into a {@link Reply} or no answer into {@link Unreachable}.
 * Services are named as the admin API names them: {@link #ORDER}, {@link #INVENTORY}, {@link #PAYMENT}.
 */
final class ServiceConnections implements AutoCloseable {

    static final String ORDER = "order";
    static final String INVENTORY = "inventory";
    static final String PAYMENT = "payment";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String orderUrl;
    private final String inventoryUrl;
    private final String paymentUrl;
    private final int connections;
    private final Duration requestTimeout;
    private final Map<String, KeepAliveHttp> transports = new ConcurrentHashMap<>();

    ServiceConnections(String orderUrl, String inventoryUrl, String paymentUrl, int connections,
                       Duration requestTimeout) {
        this.orderUrl = orderUrl;
        this.inventoryUrl = inventoryUrl;
        this.paymentUrl = paymentUrl;
        this.connections = connections;
        this.requestTimeout = requestTimeout;
    }

    ServiceConnections withOrderUrl(String otherOrderUrl) {
        return new ServiceConnections(otherOrderUrl, inventoryUrl, paymentUrl, connections, requestTimeout);
    }

    String orderUrl() {
        return orderUrl;
    }

    KeepAliveHttp order() {
        return transport(orderUrl);
    }

    KeepAliveHttp inventory() {
        return transport(inventoryUrl);
    }

    Reply get(String service, String path) {
        return call(service, "GET", path, Map.of(), null);
    }

    /** @throws Unreachable when the service does not answer */
    Reply call(String service, String method, String path, Map<String, String> headers, String body) {
        String baseUrl = urlOf(service);
        return await(transport(baseUrl).send(method, path, headers, body).thenApply(Answer::of), baseUrl + path);
    }

    /** The answer as a {@link Reply}, or {@link Unreachable} when there was none. */
    Reply await(CompletableFuture<Answer> answer, String where) {
        try {
            Answer answered = answer.join();
            return new Reply(answered.status(), answered.json(), answered.header("Content-Type"),
                    answered.header("Retry-After"));
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Unreachable("cannot reach " + where + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        transports.values().forEach(KeepAliveHttp::close);
    }

    private String urlOf(String service) {
        return switch (service) {
            case ORDER -> orderUrl;
            case INVENTORY -> inventoryUrl;
            case PAYMENT -> paymentUrl;
            default -> throw new IllegalArgumentException("no service " + service);
        };
    }

    private KeepAliveHttp transport(String baseUrl) {
        return transports.computeIfAbsent(baseUrl, url -> new KeepAliveHttp(URI.create(url), connections,
                CONNECT_TIMEOUT, requestTimeout));
    }
}
