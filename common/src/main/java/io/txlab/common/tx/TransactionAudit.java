package io.txlab.common.tx;

import java.util.List;

/** Read side of the transaction records, for the services' review endpoints. */
public final class TransactionAudit {

    private final CheckBackLog checkBacks;

    TransactionAudit(CheckBackLog checkBacks) {
        this.checkBacks = checkBacks;
    }

    public List<CheckBack> checkBacksOf(String orderId) {
        return checkBacks.findByOrderId(orderId);
    }
}
