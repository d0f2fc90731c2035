package io.txlab.tools.demo;

import io.txlab.tools.client.PlatformClient;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Places a few orders against a running platform and prints, in plain words, the path each one takes:
 * half message and local commit, check-backs if any, inventory, payment, final status.
 * Usage: DemoMain [orderUrl inventoryUrl paymentUrl]
 */
public final class DemoMain {

    private record Purchase(long userId, long productId, int quantity) {
    }

    /** The last one is bound to fail: user 95 holds 5.00, so payment declines and inventory must release. */
    private static final List<Purchase> PURCHASES = List.of(
            new Purchase(1, 1, 1), new Purchase(2, 2, 2), new Purchase(3, 4, 5), new Purchase(95, 1, 1));

    private DemoMain() {
    }

    public static void main(String[] args) {
        PlatformClient client = new PlatformClient(arg(args, 0, "http://127.0.0.1:8081"),
                arg(args, 1, "http://127.0.0.1:8082"), arg(args, 2, "http://127.0.0.1:8083"));
        try {
            run(client);
        } catch (IllegalStateException e) {
            System.err.println("demo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(PlatformClient client) {
        OrderPathPrinter printer = new OrderPathPrinter(client, System.out);
        String firstRequestId = null;
        int n = 1;
        for (Purchase purchase : PURCHASES) {
            String requestId = UUID.randomUUID().toString();
            firstRequestId = firstRequestId == null ? requestId : firstRequestId;
            System.out.printf("%nOrder %d: user %d buys %d x product %d%n", n++, purchase.userId(),
                    purchase.quantity(), purchase.productId());
            long stockBefore = client.available(purchase.productId());
            long balanceBefore = client.balanceCents(purchase.userId());
            JsonNode order = printer.placeAndFollow(requestId, purchase.userId(), purchase.productId(),
                    purchase.quantity());
            if (order != null && "CANCELLED".equals(order.path("status").asString())) {
                printer.printCompensation(order.path("orderId").asString());
            }
            System.out.printf("  stock of product %d: %d -> %d; balance of user %d: %s -> %s%n",
                    purchase.productId(), stockBefore, client.available(purchase.productId()), purchase.userId(),
                    money(balanceBefore), money(client.balanceCents(purchase.userId())));
            if (order == null) {
                System.exit(1);
            }
        }
        System.out.printf("%nThe same request again (requestId %s):%n", firstRequestId);
        PlatformClient.Reply replay = client.placeOrder(firstRequestId, PURCHASES.get(0).userId(),
                PURCHASES.get(0).productId(), PURCHASES.get(0).quantity());
        System.out.printf("  HTTP %d, order %s, status %s: the existing order is returned and no message is sent.%n",
                replay.status(), replay.body().path("orderId").asString(), replay.body().path("status").asString());
    }

    static String money(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}
