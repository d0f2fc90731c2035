package io.txlab.tools.check;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether an order's movements are on its own product, sale and account: a deduction from another product or
 * a charge to another user balances every book and still breaks the order. Pure: no I/O.
 */
final class MovementSubjects {

    private MovementSubjects() {
    }

    /** A movement on another product, sale or account than the order's: the books balance, the order does not. */
    static Optional<String> wrongSubject(Snapshot.Order order, Snapshot.Moves stock, Snapshot.Moves money) {
        String sale = order.saleId() == null ? Snapshot.Moves.NO_SALE : order.saleId();
        if (stock.any() && !stock.subjects().equals(Set.of(order.productId()))) {
            return Optional.of(order.orderId() + " (stock moved on product " + ids(stock.subjects())
                    + ", ordered product " + order.productId() + ")");
        }
        if (stock.any() && !stock.sales().equals(Set.of(sale))) {
            return Optional.of(order.orderId() + " (stock moved " + sales(stock.sales()) + ", ordered "
                    + (order.saleId() == null ? "outside any sale" : "in sale " + order.saleId()) + ")");
        }
        if (money.any() && !money.subjects().equals(Set.of(order.userId()))) {
            return Optional.of(order.orderId() + " (money moved on user " + ids(money.subjects())
                    + ", ordered by user " + order.userId() + ")");
        }
        return Optional.empty();
    }

    private static String ids(Set<Long> ids) {
        return String.join(" and ", new TreeSet<>(ids).stream().map(String::valueOf).toList());
    }

    private static String sales(Set<String> sales) {
        return String.join(" and ", new TreeSet<>(sales).stream()
                .map(sale -> sale.equals(Snapshot.Moves.NO_SALE) ? "outside any sale" : "in sale " + sale).toList());
    }
}
