package io.txlab.support.tx;

/**
 * The database work that belongs to a half message. It runs inside one DB transaction together with the
 * tx_log row; throwing rolls both back and the half message with them.
 */
@FunctionalInterface
public interface LocalTransaction {

    void execute(String txId);
}
