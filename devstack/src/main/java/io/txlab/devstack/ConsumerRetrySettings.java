package io.txlab.devstack;

/**
 * How the embedded broker spaces the redeliveries of a message whose handling threw: shortened, like the
 * check-back timing, so that a demo or test sees a retry within a second instead of RocketMQ's 10 s.
 *
 * <p>The broker redelivers the n-th retry (n = 1, 2, ...) after the delay of level 2 + n of
 * {@code messageDelayLevel} (the consumer leaves delayLevelWhenNextConsume at 0, "broker decides"), so
 * retry 1 waits level 3. Levels past the last repeat the last. After {@code maxReconsumeTimes} failed
 * retries (16, {@code txlab.consumer.max-reconsume-times}) the message goes to the group's DLQ,
 * {@code %DLQ%<group>}, which no one consumes until it is replayed.
 *
 * <table>
 *   <caption>Retry delays, embedded against the RocketMQ 5.3.3 broker default</caption>
 *   <tr><th>retry</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th><th>6–16</th><th>to the DLQ</th></tr>
 *   <tr><td>here</td><td>1 s</td><td>2 s</td><td>4 s</td><td>8 s</td><td>15 s</td><td>30 s each</td><td>6 min</td></tr>
 *   <tr><td>default</td><td>10 s</td><td>30 s</td><td>1 min</td><td>2 min</td><td>3 min</td><td>4 min … 2 h</td><td>4 h 46 min</td></tr>
 * </table>
 */
public final class ConsumerRetrySettings {

    /** Levels 1 and 2 are left at 1 s: only scheduled messages use them, and TxLab sends none. */
    public static final String MESSAGE_DELAY_LEVEL =
            "1s 1s 1s 2s 4s 8s 15s 30s 30s 30s 30s 30s 30s 30s 30s 30s 30s 30s";

    private ConsumerRetrySettings() {
    }
}
