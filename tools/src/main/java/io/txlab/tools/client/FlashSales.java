package io.txlab.tools.client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The flash-sale API as the load driver and the soak use it, on a {@link PlatformClient}: a sale opened with the
 * admin token, purchases as {@link PurchaseOutcome}s, the sale's state until it settles. Answers outside the
 * contract are {@link UnexpectedAnswer}s; no answer at all is a {@link PlatformClient.Unreachable}.
 */
public final class FlashSales {

    /** It answered, but not as the contract says (or refused what the caller needs). */
    public static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message);
        }
    }

    /**
     * GET /api/flash-sales/{saleId}: the sale's units, what Redis still admits, its accepted purchases not
     * placed yet ({@code queued}; 0 when Redis cannot tell) and its orders by status.
     */
    public record SaleState(int units, long redisRemaining, int queued, int pending, int confirmed, int cancelled) {

        /** Every accepted purchase is an order, and none of them is pending. */
        public boolean settled() {
            return queued == 0 && pending == 0;
        }
    }

    /** A sale just created, open from {@code startsAt} to {@code endsAt}. */
    public record Sale(String saleId, Instant startsAt, Instant endsAt) {
    }

    /** The sale once every purchase was placed and none of its orders was pending ({@code settled}), or when the
     * wait's limit passed. */
    public record Settled(SaleState state, boolean settled, long waitedNanos) {
    }

    private static final Pattern SALE_ID = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final long SETTLE_POLL_MILLIS = 500;

    private final PlatformClient client;
    private final String adminToken;

    public FlashSales(PlatformClient client, String adminToken) {
        this.client = client;
        this.adminToken = adminToken;
    }

    /** A sale of {@code units} open from a second ago for {@code length}, so that its first purchase is on time. */
    public Sale openSale(long productId, int units, Duration length) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant startsAt = now.minusSeconds(1);
        Instant endsAt = now.plus(length);
        PlatformClient.Reply reply = client.createFlashSale(adminToken, productId, units, startsAt, endsAt);
        String saleId = reply.text("saleId");
        if (reply.status() == 201 && SALE_ID.matcher(saleId).matches()) {
            return new Sale(saleId, startsAt, endsAt);
        }
        throw new UnexpectedAnswer(switch (reply.status()) {
            case 201 -> "the new sale has no usable saleId: " + reply.body();
            case 401, 403 -> "the order service refused the admin token (" + reply.describe()
                    + "); set TXLAB_ADMIN_TOKEN to the token the platform was started with";
            case 409 -> "product " + productId + " cannot back a sale of " + units + " units (" + reply.describe()
                    + "); try fewer units or another product";
            case 404, 405 -> "the order service has no flash-sale API (" + reply.describe() + "); is it up to date?";
            default -> "creating the sale failed: " + reply.describe();
        });
    }

    /**
     * One click with a new requestId, never a retry, without waiting: the future fails with
     * {@link UnexpectedAnswer} for a status outside the contract, with {@link KeepAliveHttp.NoAnswer} for none.
     */
    public CompletableFuture<PurchaseOutcome> purchase(String saleId, long userId) {
        return client.purchaseLater(saleId, UUID.randomUUID().toString(), userId).thenApply(FlashSales::outcome);
    }

    private static PurchaseOutcome outcome(Answer answer) {
        if (answer.status() == 202) {
            return PurchaseOutcome.ACCEPTED;
        }
        PurchaseOutcome outcome = PurchaseOutcome.of(answer.status(), answer.problemType());
        if (outcome == PurchaseOutcome.ERROR) {
            throw new UnexpectedAnswer(answer.describe());
        }
        return outcome;
    }

    /** Polls the sale until every purchase is placed and none of its orders is pending, at most for {@code limit}. */
    public Settled awaitSettled(String saleId, Duration limit) {
        long settling = System.nanoTime();
        SaleState state = sale(saleId);
        while (!state.settled() && System.nanoTime() - settling < limit.toNanos()) {
            pause();
            state = sale(saleId);
        }
        return new Settled(state, state.settled(), System.nanoTime() - settling);
    }

    SaleState sale(String saleId) {
        PlatformClient.Reply reply = client.flashSale(saleId);
        JsonNode body = reply.body();
        if (reply.status() != 200 || !body.isObject()) {
            throw new UnexpectedAnswer("reading sale " + saleId + " failed: " + reply.describe());
        }
        JsonNode orders = body.path("orders");
        JsonNode queued = orders.path("queued");
        return new SaleState((int) number(body, "units"), number(body, "redisRemaining"),
                queued.isIntegralNumber() ? queued.asInt() : 0, (int) number(orders, "pending"),
                (int) number(orders, "confirmed"), (int) number(orders, "cancelled"));
    }

    /** A failed purchase's cause: the UnexpectedAnswer or NoAnswer inside the future's CompletionException. */
    public static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static long number(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (!value.isIntegralNumber()) {
            throw new UnexpectedAnswer("the sale's state has no number " + field + ": " + parent);
        }
        return value.asLong();
    }

    private static void pause() {
        try {
            Thread.sleep(SETTLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sale to settle", e);
        }
    }
}
