package io.txlab.devstack;

/**
 * Transaction check-back timing of the embedded broker, shortened so that demos and tests see a
 * check-back within seconds. docker/broker.conf is expected to carry the same four numbers.
 *
 * <table>
 *   <caption>Embedded values against the RocketMQ 5.3.3 broker defaults</caption>
 *   <tr><th>setting</th><th>here</th><th>production default</th></tr>
 *   <tr><td>transactionTimeOut (a half message is immune to checks this long)</td><td>6 s</td><td>6 s</td></tr>
 *   <tr><td>transactionCheckInterval (scan period of the check service)</td><td>2 s</td><td>30 s</td></tr>
 *   <tr><td>transactionCheckMax (checks before the half message is discarded)</td><td>15</td><td>15</td></tr>
 *   <tr><td>transactionOpBatchInterval (flush period of commit/rollback op records)</td><td>200 ms</td><td>3 s</td></tr>
 * </table>
 *
 * <p>The op batch interval must stay well below the check interval: with the 3 s default the broker
 * re-checked and re-committed an already committed half message, and the consumer got it twice.
 * Observed: the check-back arrives about 1.5 s after an UNKNOWN answer (with an immunity of 1 s).
 *
 * <p>The immunity is RocketMQ's own 6 s, no longer 1 s: under load (a cold start, or a platform at its
 * limit) some local transactions and end-transactions take longer than a second, and a half message checked
 * that early was checked up to 15 times and delivered again after each COMMIT (docs/benchmarks.md, "The
 * check-back storm"). A check-back now arrives 6–9 s after an UNKNOWN answer.
 */
public final class BrokerTransactionSettings {

    public static final long TRANSACTION_CHECK_INTERVAL_MS = 2_000;

    public static final long TRANSACTION_TIMEOUT_MS = 6_000;

    public static final int TRANSACTION_CHECK_MAX = 15;

    public static final int TRANSACTION_OP_BATCH_INTERVAL_MS = 200;

    private BrokerTransactionSettings() {
    }
}
