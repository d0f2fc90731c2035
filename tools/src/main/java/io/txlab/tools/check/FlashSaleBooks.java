package io.txlab.tools.check;

import java.util.ArrayList;
import java.util.List;

/** The flash-sale-books invariant: each sale's units, orders and allocation agree. Pure: no I/O. */
final class FlashSaleBooks {

    private FlashSaleBooks() {
    }

    /**
     * Zero oversell, one unit per user, and the sale's own books. Redis is compared by reconciliation, not here.
     * CONFIRMED <= net sold <= holding: a PENDING order may already hold its deducted unit (inventory applied,
     * payment not yet), so net sold may exceed the CONFIRMED orders; it may never exceed the orders that hold a
     * unit (a deduction nobody holds is a lost unit). At rest (nothing PENDING) the three are equal.
     */
    static InvariantResult judge(Snapshot snapshot) {
        String description = "per flash sale: orders holding a unit <= units, one per user; allocated units = "
                + "remaining + net sold; CONFIRMED orders <= net sold <= orders holding a unit";
        List<String> violations = new ArrayList<>();
        for (Snapshot.Sale sale : snapshot.sales()) {
            String id = "sale " + sale.saleId();
            if (sale.holding() > sale.units()) {
                violations.add(id + " (oversold: " + sale.holding() + " orders hold a unit of " + sale.units() + ")");
            } else if (sale.mostPerUser() > 1) {
                violations.add(id + " (a user holds " + sale.mostPerUser() + " units)");
            } else if (sale.allocated() != sale.units()) {
                violations.add(id + " (inventory allocated " + sale.allocated() + " of " + sale.units() + " units)");
            } else if (sale.remaining() < 0 || sale.allocated() != sale.remaining() + sale.netSold()) {
                violations.add(id + " (allocated " + sale.allocated() + " != " + sale.remaining() + " + " + sale.netSold()
                        + ")");
            } else if (sale.confirmed() > sale.netSold()) {
                violations.add(id + " (" + sale.confirmed() + " CONFIRMED orders, " + sale.netSold() + " units sold)");
            } else if (sale.netSold() > sale.holding()) {
                violations.add(id + " (" + sale.netSold() + " units sold, " + sale.holding() + " orders hold one)");
            }
        }
        return InvariantResult.of("flash-sale-books", description, snapshot.sales().size(), violations,
                "no flash sales");
    }
}
