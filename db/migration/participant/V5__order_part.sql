-- A participant's part in one order: the barrier that makes compensation safe in any order of events.
-- One row per order, written by whichever comes first, the order's event or its cancel, in the same DB
-- transaction as the effect; the primary key makes the two race for one row.
--   APPLIED          the part was applied (stock deducted, money charged)
--   REJECTED         the part was refused (reason); nothing was applied
--   COMPENSATED      was APPLIED, then the cancel undid it (released, refunded)
--   CANCELLED_FIRST  the cancel came before the order's event: nothing to undo (empty compensation), and
--                    the late event is skipped for good (late_apply_skipped_at), never applied
CREATE TABLE order_part (
    order_id              VARCHAR(64)  NOT NULL,
    state                 VARCHAR(24)  NOT NULL,
    reason                VARCHAR(255) NULL,
    decided_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    cancelled_at          TIMESTAMP(3) NULL,
    late_apply_skipped_at TIMESTAMP(3) NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB;
