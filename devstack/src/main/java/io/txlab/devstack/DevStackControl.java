package io.txlab.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run command's control port, on 127.0.0.1 only: {@code POST /broker/stop}, {@code /broker/start},
 * {@code /broker-b/stop}, {@code /broker-b/start} (two-broker mode only),
 * {@code /database/stop}, {@code /database/start}, {@code /redis/stop}, {@code /redis/start}. The failure scenarios take these parts away and bring
 * them back through it (scripts/service.sh). Answers are one line of text: 200 done, 400 refused, 404
 * unknown path, 405 not a POST. One request at a time, since a part must not be started while it stops.
 */
final class DevStackControl implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStackControl.class);
    private static final Pattern PATH = Pattern.compile("/(broker|broker-b|database|redis)/(stop|start)");

    private final HttpServer server;

    private DevStackControl(HttpServer server) {
        this.server = server;
    }

    /** What the control does: stop or start a part, returning one line, or throw a {@link DevStackException}. */
    interface Parts {
        String control(String part, boolean start);
    }

    static DevStackControl start(int port, Parts stack) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, port), 0);
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "txlab-devstack-control");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> handle(exchange, stack));
            server.start();
            return new DevStackControl(server);
        } catch (IOException e) {
            throw new DevStackException("control port " + port + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static void handle(HttpExchange exchange, Parts stack) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            answer(exchange, 404, "unknown path; POST /broker/stop, /broker/start, /broker-b/stop, /broker-b/start, /database/stop, /database/start, /redis/stop or /redis/start");
        } else if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "use POST");
        } else {
            String part = path.group(1);
            boolean start = path.group(2).equals("start");
            long begin = System.nanoTime();
            log.info("control: {} {}", start ? "starting" : "stopping", part);
            try {
                String done = stack.control(part, start);
                String line = done + " in " + (System.nanoTime() - begin) / 1_000_000 + " ms";
                log.info("control: {}", line);
                answer(exchange, 200, line);
            } catch (DevStackException e) {
                log.warn("control: {} {} refused: {}", path.group(2), part, e.getMessage());
                answer(exchange, 400, e.getMessage());
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String line) throws IOException {
        byte[] body = (line + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
