package io.txlab.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.txlab.tools.client.KeepAliveHttp.NoAnswer;
import io.txlab.tools.client.KeepAliveHttp.Response;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KeepAliveHttp} and {@link ResponseReader} against real sockets on 127.0.0.1: the JDK's HTTP server for
 * ordinary exchanges, and a hand-written {@link ServerSocket} server where the exact bytes on the wire matter.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KeepAliveHttpTest {

    static {
        // the JDK's server sends headers and body in two writes: without this, Nagle and delayed ACKs add ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. ordinary GET and POST

    @Test
    void getSendsMethodPathAndHeadersAndReturnsStatusHeadersAndBody() throws Exception {
        Queue<Recorded> received = new ConcurrentLinkedQueue<>();
        String json = "{\"id\":42,\"note\":\"naïve café ✓\"}";
        HttpServer server = httpServer(exchange -> {
            received.add(Recorded.of(exchange));
            exchange.getResponseHeaders().add("X-Order-State", "CONFIRMED");
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            reply(exchange, 200, json);
        });
        KeepAliveHttp client = client(server.getAddress().getPort(), 2);

        Response response = exchange(client, "GET", "/orders/42?verbose=true",
                Map.of("Accept", "application/json", "X-Request-Id", "req-1"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(json);
        assertThat(response.header("X-Order-State")).isEqualTo("CONFIRMED");
        assertThat(response.header("x-order-state")).isEqualTo("CONFIRMED");
        assertThat(response.header("X-ORDER-STATE")).isEqualTo("CONFIRMED");
        assertThat(response.header("Content-Length"))
                .isEqualTo(String.valueOf(json.getBytes(StandardCharsets.UTF_8).length));
        assertThat(response.header("X-Not-Sent")).isEmpty();

        assertThat(received).hasSize(1);
        Recorded request = received.peek();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri()).isEqualTo("/orders/42?verbose=true");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("X-Request-Id")).isEqualTo("req-1");
        assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
        assertThat(request.body()).isEmpty();
    }

    @Test
    void postSendsTheExactUtf8BodyAndReturnsTheAnswer() throws Exception {
        Queue<Recorded> received = new ConcurrentLinkedQueue<>();
        String answer = "{\"orderId\":\"ord-1\",\"state\":\"PENDING\",\"note\":\"größe ✓\"}";
        HttpServer server = httpServer(exchange -> {
            received.add(Recorded.of(exchange));
            exchange.getResponseHeaders().add("Location", "/orders/ord-1");
            reply(exchange, 201, answer);
        });
        KeepAliveHttp client = client(server.getAddress().getPort(), 2);
        String body = "{\"sku\":\"crème-brûlée\",\"qty\":2,\"note\":\"€5 ✓ 日本\"}";

        Response response = exchange(client, "POST", "/orders",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "k-7"), body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(answer);
        assertThat(response.header("location")).isEqualTo("/orders/ord-1");

        assertThat(received).hasSize(1);
        Recorded request = received.peek();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/orders");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo("k-7");
        assertThat(request.header("Content-Length"))
                .isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        assertThat(request.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. keep-alive

    @Test
    void fiftySequentialRequestsShareOneConnection() throws Exception {
        Set<Integer> remotePorts = ConcurrentHashMap.newKeySet();
        AtomicInteger served = new AtomicInteger();
        HttpServer server = httpServer(exchange -> {
            remotePorts.add(exchange.getRemoteAddress().getPort());
            served.incrementAndGet();
            reply(exchange, 200, "you asked for " + exchange.getRequestURI());
        });
        KeepAliveHttp client = client(server.getAddress().getPort(), 1);

        for (int i = 0; i < 50; i++) {
            Response response = answer(client.send(i % 2 == 0 ? "GET" : "POST", "/n/" + i, Map.of(),
                    i % 2 == 0 ? null : "body " + i));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("you asked for /n/" + i);
        }

        assertThat(served).hasValue(50);
        assertThat(remotePorts).hasSize(1);
    }

    @Test
    void sequentialRequestsReuseTheIdleConnectionEvenWhenMoreAreAllowed() throws Exception {
        RawServer server = rawServer((socket, index) -> serveLoop(socket, request -> ok(request.path())));
        KeepAliveHttp client = client(server.port(), 8);

        for (int i = 0; i < 20; i++) {
            assertThat(answer(client.send("GET", "/s/" + i, Map.of(), null)).body()).isEqualTo("/s/" + i);
        }

        assertThat(server.accepted).hasValue(1);
        server.assertNoErrors();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. concurrency cap

    @Test
    void twentyConcurrentRequestsUseAtMostMaxConnectionsAndAllCompleteOnceReleased() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        Map<Integer, AtomicInteger> perConnection = new ConcurrentHashMap<>();
        RawServer server = rawServer((socket, index) -> serveLoop(socket, request -> {
            perConnection.computeIfAbsent(index, i -> new AtomicInteger()).incrementAndGet();
            maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            try {
                if (!release.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } finally {
                held.decrementAndGet();
            }
            return ok("done " + request.path());
        }));
        KeepAliveHttp client = client(server.port(), 4);

        List<CompletableFuture<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(client.send("GET", "/c/" + i, Map.of(), null));
        }

        eventually().untilAsserted(() -> assertThat(held).hasValue(4));
        // while the four are held, no fifth connection is opened and nothing completes
        await().during(Duration.ofMillis(150)).pollInterval(Duration.ofMillis(10)).atMost(PATIENCE)
                .untilAsserted(() -> {
                    assertThat(server.accepted).hasValue(4);
                    assertThat(held).hasValue(4);
                    assertThat(futures).noneMatch(CompletableFuture::isDone);
                });

        release.countDown();

        for (int i = 0; i < 20; i++) {
            Response response = answer(futures.get(i));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("done /c/" + i);
        }
        assertThat(server.accepted).hasValue(4);
        assertThat(maxHeld).hasValue(4);
        assertThat(perConnection.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(20);
        server.assertNoErrors();
    }

    @Test
    void aBurstLargerThanTheConnectingLimitStillOpensUpToMaxConnections() throws Exception {
        int connections = 35; // more than twice KeepAliveHttp.MAX_CONNECTING (16)
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        RawServer server = rawServer((socket, index) -> serveLoop(socket, request -> {
            held.incrementAndGet();
            release.await(5, TimeUnit.SECONDS);
            return ok("done " + request.path());
        }));
        KeepAliveHttp client = client(server.port(), connections);

        List<CompletableFuture<Response>> futures = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            futures.add(client.send("GET", "/b/" + i, Map.of(), null));
        }
        // every request is on a connection of its own at the same time
        eventually().untilAsserted(() -> assertThat(held).hasValue(connections));
        assertThat(server.accepted).hasValue(connections);
        release.countDown();

        for (int i = 0; i < connections; i++) {
            assertThat(answer(futures.get(i)).body()).isEqualTo("done /b/" + i);
        }
        server.assertNoErrors();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. framing: chunked, and until the connection ends

    @Test
    void chunkedBodyIsDecodedAndTheConnectionIsKept() throws Exception {
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            assertThat(readRequest(in).path()).isEqualTo("/one");
            write(socket, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            assertThat(readRequest(in).path()).isEqualTo("/two");
            // chunk extension, upper-case hex, a UTF-8 character split across chunks, and a trailer
            byte[] cafe = "café!".getBytes(StandardCharsets.UTF_8); // c a f 0xC3 0xA9 !
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Kind: chunked\r\n\r\n"
                    + "4;name=value\r\n").getBytes(StandardCharsets.ISO_8859_1));
            wire.write(cafe, 0, 4);
            wire.writeBytes("\r\n2\r\n".getBytes(StandardCharsets.ISO_8859_1));
            wire.write(cafe, 4, 2);
            wire.writeBytes(("\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(wire.toByteArray());
            socket.getOutputStream().flush();
            assertThat(readRequest(in).path()).isEqualTo("/three");
            write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nthree");
            assertThat(readRequest(in)).isNull();
        });
        KeepAliveHttp client = client(server.port(), 1);

        assertThat(answer(client.send("GET", "/one", Map.of(), null)).body()).isEqualTo("hello world");
        Response second = answer(client.send("GET", "/two", Map.of(), null));
        assertThat(second.body()).isEqualTo("café!0123456789");
        assertThat(second.header("x-kind")).isEqualTo("chunked");
        assertThat(answer(client.send("GET", "/three", Map.of(), null)).body()).isEqualTo("three");

        assertThat(server.accepted).hasValue(1);
        client.close();
        server.awaitScripts();
        server.assertNoErrors();
    }

    /** Where the response is cut in two; the client must wait for the second part. */
    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1 200 OK\r\nTransfer-En|coding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n|5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r|\nhello\r\n6\r\n world\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel|lo\r\n6\r\n world\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello|\r\n6\r\n world\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n|0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n|\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r|\n",
    })
    void chunkedBodySplitAcrossTwoWritesIsDecoded(String wire) throws Exception {
        String[] parts = wire.split("\\|");
        CountDownLatch secondPart = new CountDownLatch(1);
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            readRequest(in);
            write(socket, parts[0]);
            secondPart.await(5, TimeUnit.SECONDS);
            write(socket, parts[1]);
            readRequest(in);
            write(socket, "HTTP/1.1 204 No Content\r\n\r\n");
            readRequest(in);
        });
        KeepAliveHttp client = client(server.port(), 1);

        CompletableFuture<Response> future = client.send("GET", "/split", Map.of(), null);
        await().during(Duration.ofMillis(60)).pollInterval(Duration.ofMillis(10)).atMost(PATIENCE)
                .until(() -> !future.isDone());
        secondPart.countDown();

        Response response = answer(future);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello world");
        // the connection is still in step: the next answer is read correctly
        Response next = answer(client.send("GET", "/next", Map.of(), null));
        assertThat(next.status()).isEqualTo(204);
        assertThat(next.body()).isEmpty();
        assertThat(server.accepted).hasValue(1);
        server.assertNoErrors();
    }

    @Test
    void bodyWithoutLengthIsReadUntilTheServerClosesAndTheNextRequestUsesANewConnection() throws Exception {
        CountDownLatch secondPart = new CountDownLatch(1);
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            RawRequest request = readRequest(in);
            if (index == 1) {
                write(socket, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nread until ");
                secondPart.await(5, TimeUnit.SECONDS);
                write(socket, "the end – ünïcode");
                // closing the socket (the script's end) ends the body
            } else {
                write(socket, ok("again " + request.path()));
                readRequest(in);
            }
        });
        KeepAliveHttp client = client(server.port(), 1);

        CompletableFuture<Response> future = client.send("GET", "/stream", Map.of(), null);
        await().during(Duration.ofMillis(60)).pollInterval(Duration.ofMillis(10)).atMost(PATIENCE)
                .until(() -> !future.isDone());
        secondPart.countDown();

        Response response = answer(future);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("text/plain");
        assertThat(response.body()).isEqualTo("read until the end – ünïcode");

        assertThat(answer(client.send("GET", "/after", Map.of(), null)).body()).isEqualTo("again /after");
        assertThat(server.accepted).hasValue(2);
        server.assertNoErrors();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. Connection: close

    @Test
    void connectionCloseFromTheServerIsHonouredAndTheNextRequestUsesANewConnection() throws Exception {
        Map<Integer, Queue<String>> pathsByConnection = new ConcurrentHashMap<>();
        // the server says close but leaves the socket open: a client that reused it would send request 2 here
        RawServer server = rawServer((socket, index) -> serveLoop(socket, request -> {
            pathsByConnection.computeIfAbsent(index, i -> new ConcurrentLinkedQueue<>()).add(request.path());
            return "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + request.path().length() + "\r\n\r\n"
                    + request.path();
        }));
        KeepAliveHttp client = client(server.port(), 1);

        Response first = answer(client.send("GET", "/first", Map.of(), null));
        Response second = answer(client.send("POST", "/second", Map.of(), "x"));
        Response third = answer(client.send("GET", "/third", Map.of(), null));

        assertThat(first.body()).isEqualTo("/first");
        assertThat(first.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(second.body()).isEqualTo("/second");
        assertThat(third.body()).isEqualTo("/third");
        assertThat(server.accepted).hasValue(3);
        assertThat(pathsByConnection).hasSize(3).allSatisfy((index, paths) -> assertThat(paths).hasSize(1));
        server.assertNoErrors();
    }

    @Test
    void connectionCloseWithTheSocketClosedRightAfterTheAnswer() throws Exception {
        RawServer server = rawServer((socket, index) -> {
            RawRequest request = readRequest(socket.getInputStream());
            write(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + request.path().length()
                    + "\r\nConnection: close\r\n\r\n" + request.path());
        });
        KeepAliveHttp client = client(server.port(), 1);

        for (int i = 0; i < 5; i++) {
            assertThat(answer(client.send("GET", "/cc/" + i, Map.of(), null)).body()).isEqualTo("/cc/" + i);
        }
        assertThat(server.accepted).hasValue(5);
        server.assertNoErrors();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6. stale connections

    @Test
    void aConnectionTheServerClosedAfterAKeepAliveAnswerIsReplacedForTheNextRequest() throws Exception {
        Queue<String> served = new ConcurrentLinkedQueue<>();
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            if (index == 1) {
                // answers one request as keep-alive, then closes without reading anything further
                RawRequest request = readRequest(in);
                served.add(index + " " + request.path());
                write(socket, ok(request.path()));
                return;
            }
            serveLoop(socket, request -> {
                served.add(index + " " + request.path());
                return ok(request.path());
            });
        });
        KeepAliveHttp client = client(server.port(), 1);

        assertThat(answer(client.send("GET", "/first", Map.of(), null)).body()).isEqualTo("/first");
        assertThat(answer(client.send("GET", "/second", Map.of(), null)).body()).isEqualTo("/second");

        assertThat(server.accepted).hasValue(2);
        assertThat(served).containsExactly("1 /first", "2 /second");
        server.assertNoErrors();
    }

    @Test
    void aRequestSentOnAConnectionTheServerThenResetIsResentOnceOnANewConnection() throws Exception {
        Queue<String> served = new ConcurrentLinkedQueue<>();
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            if (index == 1) {
                RawRequest request = readRequest(in);
                served.add(index + " " + request.path());
                write(socket, ok(request.path()));
                // the client's next request arrives on this connection; the server closes it unread (a reset)
                eventually().pollInterval(Duration.ofMillis(1)).until(() -> in.available() > 0);
                socket.setSoLinger(true, 0);
                return;
            }
            serveLoop(socket, request -> {
                served.add(index + " " + request.path());
                return ok(request.path());
            });
        });
        KeepAliveHttp client = client(server.port(), 1);

        assertThat(answer(client.send("GET", "/first", Map.of(), null)).body()).isEqualTo("/first");
        Response second = answer(client.send("POST", "/second", Map.of("Content-Type", "text/plain"), "payload"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("/second");
        assertThat(server.accepted).hasValue(2);
        assertThat(served).containsExactly("1 /first", "2 /second");
        server.assertNoErrors();
    }

    @Test
    void aRequestIsResentOnlyOnceAndFailsWhenTheNewConnectionAlsoEndsWithoutAnAnswer() throws Exception {
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            RawRequest request = readRequest(in);
            if (index == 1) {
                write(socket, ok(request.path()));
                eventually().pollInterval(Duration.ofMillis(1)).until(() -> in.available() > 0);
                socket.setSoLinger(true, 0);
            }
            // every later connection reads the request and closes without an answer
        });
        KeepAliveHttp client = client(server.port(), 1);

        assertThat(answer(client.send("GET", "/first", Map.of(), null)).body()).isEqualTo("/first");
        NoAnswer failure = noAnswer(client.send("GET", "/second", Map.of(), null));

        assertThat(failure.kind()).isEqualTo("io");
        assertThat(failure.getMessage()).contains("/second");
        assertThat(server.accepted).hasValue(2);
        server.assertNoErrors();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 7. request timeout

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheRequestTimeout() throws Exception {
        AtomicBoolean clientHungUp = new AtomicBoolean();
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            readRequest(in);
            if (in.read() < 0) { // blocks until the client gives the connection up
                clientHungUp.set(true);
            }
        });
        KeepAliveHttp client = closeLater(new KeepAliveHttp(URI.create("http://127.0.0.1:" + server.port()), 2,
                CONNECT_TIMEOUT, Duration.ofMillis(300)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> exchange(client, "GET", "/slow", Map.of(), null))
                .isInstanceOfSatisfying(NoAnswer.class, e -> assertThat(e.kind()).isEqualTo("timeout"))
                .hasMessageContaining("/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
        // the timed-out connection is closed, not left to deliver a late answer to a later request
        eventually().untilTrue(clientHungUp);
    }

    @Test
    void aQueuedRequestsTimeoutRunsFromWhenItIsHandedToAConnection() throws Exception {
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            readRequest(in);
            in.read(); // never answers
        });
        KeepAliveHttp client = closeLater(new KeepAliveHttp(URI.create("http://127.0.0.1:" + server.port()), 1,
                CONNECT_TIMEOUT, Duration.ofMillis(300)));

        long start = System.nanoTime();
        CompletableFuture<Response> first = client.send("GET", "/first", Map.of(), null);
        CompletableFuture<Response> queued = client.send("GET", "/queued", Map.of(), null);

        assertThat(noAnswer(first).kind()).isEqualTo("timeout");
        Duration firstFailed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(noAnswer(queued).kind()).isEqualTo("timeout");
        Duration queuedFailed = Duration.ofNanos(System.nanoTime() - start);

        // the queued request waited for the only connection, then got the whole timeout on a new one
        assertThat(firstFailed).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(queuedFailed).isGreaterThanOrEqualTo(firstFailed.plusMillis(250)).isLessThan(Duration.ofSeconds(3));
        eventually().untilAsserted(() -> assertThat(server.accepted).hasValue(2));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 8. connection refused

    @Test
    void aPortWithNothingListeningFailsWithConnect() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        KeepAliveHttp client = client(port, 2);

        long start = System.nanoTime();
        List<CompletableFuture<Response>> futures = List.of(
                client.send("GET", "/a", Map.of(), null),
                client.send("GET", "/b", Map.of(), null),
                client.send("POST", "/c", Map.of(), "{}"));
        for (CompletableFuture<Response> future : futures) {
            NoAnswer failure = noAnswer(future);
            assertThat(failure.kind()).isEqualTo("connect");
        }
        assertThatThrownBy(() -> exchange(client, "GET", "/d", Map.of(), null))
                .isInstanceOfSatisfying(NoAnswer.class, e -> assertThat(e.kind()).isEqualTo("connect"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 9. informational answers

    @Test
    void informationalAnswersAreSkipped() throws Exception {
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            readRequest(in);
            write(socket, "HTTP/1.1 100 Continue\r\n\r\n");
            write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Final: yes\r\n\r\nok");
            readRequest(in);
            // two informational answers and the final one in a single write
            write(socket, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                    + "HTTP/1.1 201 Created\r\nContent-Length: 7\r\n\r\ncreated");
            readRequest(in);
        });
        KeepAliveHttp client = client(server.port(), 1);

        Response first = answer(client.send("POST", "/one", Map.of("Expect", "100-continue"), "body"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("ok");
        assertThat(first.header("X-Final")).isEqualTo("yes");

        Response second = answer(client.send("POST", "/two", Map.of(), "body"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo("created");
        assertThat(second.header("Link")).isEmpty();

        assertThat(server.accepted).hasValue(1);
        server.assertNoErrors();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 10. bad input, and closing

    @Test
    void theConstructorRefusesWhatItCannotServe() {
        for (String url : List.of("https://127.0.0.1:8443", "ftp://127.0.0.1:21", "http://127.0.0.1", "/relative")) {
            assertThatThrownBy(() -> new KeepAliveHttp(URI.create(url), 1, CONNECT_TIMEOUT, REQUEST_TIMEOUT))
                    .as(url).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new KeepAliveHttp(URI.create("http://127.0.0.1:8080"), 0, CONNECT_TIMEOUT,
                REQUEST_TIMEOUT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> new KeepAliveHttp(URI.create("http://127.0.0.1:8080"), -3, CONNECT_TIMEOUT,
                REQUEST_TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingFailsWhatIsInFlightAndRefusesLaterRequests() throws Exception {
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            readRequest(in);
            in.read();
        });
        KeepAliveHttp client = client(server.port(), 1);
        CompletableFuture<Response> inFlight = client.send("GET", "/held", Map.of(), null);
        CompletableFuture<Response> queued = client.send("GET", "/queued", Map.of(), null);
        eventually().untilAsserted(() -> assertThat(server.accepted).hasValue(1));

        client.close();

        assertThat(noAnswer(inFlight).kind()).isEqualTo("io");
        assertThat(noAnswer(queued).kind()).isEqualTo("io");
        assertThat(noAnswer(client.send("GET", "/later", Map.of(), null)).kind()).isEqualTo("io");
    }

    // ---------------------------------------------------------------------------------------------------------
    // known bugs: each test states the behaviour expected once the bug is fixed

    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\nx\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"})
    void aMalformedAnswerFailsThatRequestOnlyAndTheClientGoesOn(String malformed) throws Exception {
        RawServer server = rawServer((socket, index) -> serveLoop(socket,
                request -> request.path().equals("/bad") ? malformed : ok("fine")));
        KeepAliveHttp client = client(server.port(), 1);

        assertThat(noAnswer(client.send("GET", "/bad", Map.of(), null)).kind()).isEqualTo("io");
        assertThat(answer(client.send("GET", "/good", Map.of(), null)).body()).isEqualTo("fine");
    }

    @Test
    void aHeadAnswerHasNoBodyWhateverItsContentLength() throws Exception {
        RawServer server = rawServer((socket, index) -> serveLoop(socket,
                request -> "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n"));
        KeepAliveHttp client = client(server.port(), 1);

        Response response = answer(client.send("HEAD", "/x", Map.of(), null));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(answer(client.send("HEAD", "/y", Map.of(), null)).status()).isEqualTo(200);
    }

    @Test
    void aRequestTheServerAcknowledgedWithA1xxIsNotResent() throws Exception {
        Queue<String> served = new ConcurrentLinkedQueue<>();
        RawServer server = rawServer((socket, index) -> {
            InputStream in = socket.getInputStream();
            for (RawRequest request = readRequest(in); request != null; request = readRequest(in)) {
                served.add(index + " " + request.path());
                if (request.path().equals("/pay")) {
                    write(socket, "HTTP/1.1 100 Continue\r\n\r\n");
                    return; // read, acknowledged, then the connection dies
                }
                write(socket, ok(request.path()));
            }
        });
        KeepAliveHttp client = client(server.port(), 1);

        answer(client.send("GET", "/first", Map.of(), null));
        assertThat(noAnswer(client.send("POST", "/pay", Map.of(), "{}")).kind()).isEqualTo("io");
        assertThat(served).containsExactly("1 /first", "1 /pay");
    }

    @Test
    void anAnswerBeforeTheWholeBodyIsSentDoesNotCorruptTheNextRequest() throws Exception {
        String big = "0123456789".repeat(800_000); // more than the loopback socket buffers hold
        Queue<String> served = new ConcurrentLinkedQueue<>();
        RawServer server = rawServer((socket, index) -> {
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (String line = readLine(in); line != null; line = readLine(in)) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).strip());
                }
                served.add(index + " " + line);
                write(socket, ok("early")); // answers first, then reads (and discards) the body
                in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
        });
        KeepAliveHttp client = client(server.port(), 1);

        assertThat(answer(client.send("POST", "/upload", Map.of(), big)).body()).isEqualTo("early");
        assertThat(answer(client.send("GET", "/next", Map.of(), null)).body()).isEqualTo("early");
        assertThat(served).anyMatch(line -> line.endsWith(" GET /next HTTP/1.1"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** Awaitility, polling often: every wait here is for something that happens within milliseconds. */
    private static ConditionFactory eventually() {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5));
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    private KeepAliveHttp client(int port, int maxConnections) {
        return closeLater(new KeepAliveHttp(URI.create("http://127.0.0.1:" + port), maxConnections, CONNECT_TIMEOUT,
                REQUEST_TIMEOUT));
    }

    private static Response answer(CompletableFuture<Response> future) throws Exception {
        return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static NoAnswer noAnswer(CompletableFuture<Response> future) {
        Throwable thrown = catchThrowable(() -> future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(NoAnswer.class);
        return (NoAnswer) thrown.getCause();
    }

    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    private HttpServer httpServer(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                exchange.close();
            }
        });
        server.start();
        closeLater(() -> {
            server.stop(0);
            threads.shutdownNow();
        });
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** What the JDK's server received. */
    record Recorded(String method, String uri, Map<String, List<String>> headers, byte[] body) {

        static Recorded of(HttpExchange exchange) throws IOException {
            return new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }
    }

    private RawServer rawServer(RawServer.Script script) throws IOException {
        return closeLater(new RawServer(script));
    }

    /** A 200 answer with a Content-Length. */
    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    interface Answerer {
        String answer(RawRequest request) throws Exception;
    }

    /** Answers requests on the connection until the client closes it. */
    private static void serveLoop(Socket socket, Answerer answerer) throws Exception {
        InputStream in = socket.getInputStream();
        for (RawRequest request = readRequest(in); request != null; request = readRequest(in)) {
            write(socket, answerer.answer(request));
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    record RawRequest(String method, String path, Map<String, String> headers, byte[] body) {}

    /** One request, read byte by byte (nothing beyond it is consumed), or null when the connection ended first. */
    private static RawRequest readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); ; line = readLine(in)) {
            if (line == null) {
                throw new EOFException("the connection ended inside a request head");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        String[] parts = requestLine.split(" ");
        return new RawRequest(parts[0], parts[1], headers, body);
    }

    /** A CRLF-terminated line without its CRLF, or null at the end of the stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                if (line.size() == 0) {
                    return null; // a reset between requests is the client leaving
                }
                throw e;
            }
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("the connection ended inside a line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    /** A server on 127.0.0.1, port 0; each accepted connection runs {@link Script} on its own thread. */
    static final class RawServer implements AutoCloseable {

        interface Script {
            /** @param index 1 for the first connection accepted, 2 for the next, ... */
            void serve(Socket socket, int index) throws Exception;
        }

        final AtomicInteger accepted = new AtomicInteger();
        private final ServerSocket serverSocket;
        private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
        private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        private final AtomicInteger running = new AtomicInteger();
        private final ExecutorService threads = Executors.newCachedThreadPool();

        RawServer(Script script) throws IOException {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!serverSocket.isClosed()) {
                    Socket socket;
                    try {
                        socket = serverSocket.accept();
                    } catch (IOException e) {
                        return;
                    }
                    int index = accepted.incrementAndGet();
                    sockets.add(socket);
                    running.incrementAndGet();
                    try {
                        threads.execute(() -> {
                            try (socket) {
                                socket.setTcpNoDelay(true);
                                script.serve(socket, index);
                            } catch (Throwable e) {
                                if (!serverSocket.isClosed()) {
                                    errors.add(e);
                                }
                            } finally {
                                running.decrementAndGet();
                            }
                        });
                    } catch (RejectedExecutionException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        /** Waits until every connection's script has ended. */
        void awaitScripts() {
            eventually().untilAsserted(() -> assertThat(running).hasValue(0));
        }

        void assertNoErrors() {
            assertThat(errors).as("errors in the server's scripts").isEmpty();
        }

        @Override
        public void close() throws Exception {
            serverSocket.close();
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            threads.shutdownNow();
            threads.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    /** A request's answer, or the NoAnswer its future failed with. */
    private static Response exchange(KeepAliveHttp client, String method, String path, Map<String, String> headers,
                                     String body) throws NoAnswer {
        try {
            return client.send(method, path, headers, body).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw (NoAnswer) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
