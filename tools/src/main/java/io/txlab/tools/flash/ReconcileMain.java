package io.txlab.tools.flash;

import java.io.PrintStream;
import java.util.Map;
import java.util.regex.Pattern;

import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code scripts/reconcile.sh SALE_ID}: asks the order service to compare a flash sale's units in Redis with
 * the database and repair any drift, then prints what it changed. Exit codes: 0 reconciled (whether or not
 * anything changed); 1 refused (unknown sale, wrong admin token, Redis down); 2 usage; 3 order service
 * unreachable.
 */
public final class ReconcileMain {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    private static final Pattern SALE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final PrintStream out;
    private final PrintStream err;

    ReconcileMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ReconcileMain(System.out, System.err).run(args, System.getenv()));
    }

    int run(String[] args, Map<String, String> env) {
        if (args.length != 1 || !SALE_ID.matcher(args[0]).matches()) {
            err.println("usage: scripts/reconcile.sh SALE_ID   (the saleId POST /api/flash-sales answered)");
            return USAGE;
        }
        String orderUrl = "http://127.0.0.1:" + env.getOrDefault("TXLAB_ORDER_PORT", "8081");
        PlatformClient api = new PlatformClient(orderUrl, orderUrl, orderUrl);
        try {
            Reply reply = api.reconcileFlashSale(env.getOrDefault("TXLAB_ADMIN_TOKEN", ""), args[0]);
            if (reply.status() != 200) {
                err.println("not reconciled: HTTP " + reply.status() + " " + reply.body().path("title").asString() + ": "
                        + reply.body().path("detail").asString());
                return REFUSED;
            }
            print(reply.body());
            return OK;
        } catch (IllegalStateException e) {
            err.println("cannot reach the order service at " + orderUrl + "; is the platform running? (scripts/up.sh)");
            return UNREACHABLE;
        }
    }

    private void print(JsonNode report) {
        JsonNode changes = report.path("changes");
        out.println("flash sale " + report.path("saleId").asString() + ": " + (changes.isEmpty()
                ? "Redis agrees with the database, nothing changed" : changes.size() + " change(s)"));
        changes.forEach(change -> out.println("  " + change.asString()));
        out.println("  units left in Redis: " + report.path("remaining").asInt());
    }
}
