package io.txlab.order.flashsale.application;

/** The gate said no: a 409 the client should not retry (except after a cancel frees a unit). */
public final class FlashPurchaseRefusedException extends RuntimeException {

    public enum Reason {
        NOT_STARTED("not-started", "The sale has not started"),
        ENDED("ended", "The sale has ended"),
        ALREADY_BOUGHT("already-bought", "Already bought"),
        SOLD_OUT("sold-out", "Sold out");

        private final String slug;
        private final String title;

        Reason(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;

    /** A refusal is an answer, not a fault: no stack trace, which a sold-out storm would fill at every request. */
    public FlashPurchaseRefusedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
