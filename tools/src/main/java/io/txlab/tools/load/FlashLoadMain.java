package io.txlab.tools.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.txlab.tools.client.FlashSales;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PurchaseOutcome;

/**
 * {@code scripts/load.sh flash [options]}: a benchmark, not a test. Creates a flash sale (admin token from
 * TXLAB_ADMIN_TOKEN, order service on 127.0.0.1:TXLAB_ORDER_PORT, 8081 by default), fires buyers x
 * requests-per-buyer purchases at it, prints requests/s and p50/p99/max latency of the accepted and the rejected
 * ones, then waits for the sale's orders to settle and says whether it was oversold. The only class here that
 * prints. Exit codes: 0 done; 1 oversold (more orders confirmed than units); 2 bad usage or no admin token;
 * 3 order service unreachable; 4 unexpected answer (sale refused: bad token, too little stock, no flash API).
 */
public final class FlashLoadMain {

    static final int OK = 0;
    static final int OVERSOLD = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int UNEXPECTED_ANSWER = 4;

    private static final Duration SALE_LENGTH = Duration.ofMinutes(10);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final PrintStream err;
    private final Duration settleLimit;

    FlashLoadMain(PrintStream out, PrintStream err, Duration settleLimit) {
        this.out = out;
        this.err = err;
        this.settleLimit = settleLimit;
    }

    public static void main(String[] args) {
        System.exit(new FlashLoadMain(System.out, System.err, SETTLE_LIMIT).run(args, System.getenv()));
    }

    int run(String[] args, Map<String, String> env) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(LoadOptions.USAGE);
            return OK;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(LoadOptions.USAGE);
            return USAGE;
        }
        String port = env.getOrDefault("TXLAB_ORDER_PORT", "8081").strip();
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            err.println("TXLAB_ORDER_PORT must be a port number, not '" + port + "'");
            return USAGE;
        }
        String token = env.getOrDefault("TXLAB_ADMIN_TOKEN", "").strip();
        if (token.isEmpty()) {
            err.println("no admin token to create the sale with: set TXLAB_ADMIN_TOKEN to the platform's"
                    + " (scripts/scenario.sh keeps the one it started the platform with in .run/admin-token)");
            return USAGE;
        }
        String orderUrl = "http://127.0.0.1:" + port;
        try (PlatformClient client = new PlatformClient(orderUrl, orderUrl, orderUrl, options.concurrency(),
                REQUEST_TIMEOUT)) {
            return benchmark(options, new FlashSales(client, token), orderUrl);
        } catch (PlatformClient.Unreachable e) {
            err.println("cannot reach the order service at " + orderUrl + " (" + e.getMessage() + ");"
                    + " is the platform running? Start it with scripts/up.sh");
            return UNREACHABLE;
        } catch (FlashSales.UnexpectedAnswer e) {
            err.println(e.getMessage());
            return UNEXPECTED_ANSWER;
        }
    }

    private int benchmark(LoadOptions options, FlashSales api, String orderUrl) {
        FlashSales.Sale sale = api.openSale(options.productId(), options.units(), SALE_LENGTH);
        LoadReport.settings(options, Runtime.getRuntime().availableProcessors(), orderUrl).forEach(out::println);
        out.println(LoadReport.sale(sale.saleId(), sale.startsAt(), sale.endsAt()));

        FlashLoad.Result result = new FlashLoad(options, userId -> purchase(api, sale.saleId(), userId))
                .run(progress -> out.println(LoadReport.progress(progress)));
        LoadReport.results(result).forEach(out::println);

        FlashSales.Settled settled = api.awaitSettled(sale.saleId(), settleLimit);
        LoadReport.settled(settled.state(), settled.settled(), settled.waitedNanos()).forEach(out::println);
        boolean oversold = settled.state().confirmed() > options.units();
        out.println(LoadReport.oversold(oversold));
        return oversold ? OVERSOLD : OK;
    }

    private static PurchaseOutcome purchase(FlashSales sales, String saleId, long userId) {
        try {
            return sales.purchase(saleId, userId).join();
        } catch (CompletionException e) {
            Throwable cause = FlashSales.causeOf(e);
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
