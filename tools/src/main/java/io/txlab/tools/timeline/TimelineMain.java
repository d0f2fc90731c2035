package io.txlab.tools.timeline;

import java.io.PrintStream;
import java.util.regex.Pattern;

import io.txlab.tools.client.PlatformClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Prints an order's timeline (what the order, inventory and payment services recorded about it) as text.
 * Usage: TimelineMain ORDER_ID [ORDER_URL]; see scripts/timeline.sh. The only class here that prints.
 * Exit codes: 0 printed; 1 order unknown; 2 usage error; 3 order service unreachable; 4 unexpected answer.
 */
public final class TimelineMain {

    static final int OK = 0;
    static final int UNKNOWN_ORDER = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int UNEXPECTED_ANSWER = 4;

    private static final String DEFAULT_ORDER_URL = "http://127.0.0.1:8081";
    private static final String USAGE_TEXT = "usage: scripts/timeline.sh ORDER_ID"
            + "   (or: TimelineMain ORDER_ID [ORDER_URL], ORDER_URL defaults to " + DEFAULT_ORDER_URL + ")";
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._~-]+");

    private final PrintStream out;
    private final PrintStream err;

    TimelineMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new TimelineMain(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String orderId = args[0].strip();
        if (!ORDER_ID.matcher(orderId).matches()) {
            err.println("not an order id: '" + orderId + "' (letters, digits, '-', '.', '_' and '~' only)");
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String orderUrl = args.length > 1 ? stripTrailingSlash(args[1].strip()) : DEFAULT_ORDER_URL;
        try {
            return show(orderId, new PlatformClient(orderUrl, orderUrl, orderUrl).timeline(orderId));
        } catch (IllegalStateException e) {
            err.println("cannot reach the order service at " + orderUrl + " (" + oneLine(e) + ");"
                    + " is the platform running? Start it with scripts/up.sh");
            return UNREACHABLE;
        } catch (IllegalArgumentException | JacksonException e) {
            err.println("unexpected answer from the order service at " + orderUrl + ": " + oneLine(e));
            return UNEXPECTED_ANSWER;
        }
    }

    private int show(String orderId, PlatformClient.Reply reply) {
        if (reply.status() == 404) {
            err.println("order " + orderId + " not found: " + problem(reply.body()));
            return UNKNOWN_ORDER;
        }
        if (reply.status() != 200 || !reply.body().isObject()) {
            err.println("the order service answered HTTP " + reply.status() + ": " + problem(reply.body()));
            return UNEXPECTED_ANSWER;
        }
        TimelinePrinter.lines(reply.body()).forEach(out::println);
        return OK;
    }

    /** The problem+json detail, else its title, else a placeholder. */
    private static String problem(JsonNode body) {
        for (String field : new String[] {"detail", "title"}) {
            JsonNode value = body.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return "(no details given)";
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (message.endsWith(": null") && e.getCause() != null) {
            // e.g. a ConnectException without a message: name the exception instead
            String cause = e.getCause().getClass().getSimpleName();
            message = message.substring(0, message.lastIndexOf(": null")) + ": " + cause;
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
