package io.txlab.support.messaging;

/**
 * How this JVM's RocketMQ client writes the headers of its requests to the broker (and so how the broker
 * answers them). RocketMQ's default is JSON, written and parsed by fastjson on both sides of every send,
 * pull and end-transaction; its own binary form (ROCKETMQ) carries the same fields for less CPU. Every broker
 * of RocketMQ 4 and 5 reads both, and answers in the form it was asked in.
 */
public final class RemotingHeaders {

    /** RemotingCommand.SERIALIZE_TYPE_PROPERTY, written as a literal so that class is not loaded here. */
    static final String SERIALIZE_TYPE = "rocketmq.serialize.type";

    private RemotingHeaders() {
    }

    /**
     * Binary headers, unless the JVM was told otherwise. RemotingCommand reads the setting once, when it is
     * loaded, so this must run before any RocketMQ client starts.
     */
    public static void binaryUnlessSet() {
        if (System.getProperty(SERIALIZE_TYPE) == null && System.getenv("ROCKETMQ_SERIALIZE_TYPE") == null) {
            System.setProperty(SERIALIZE_TYPE, "ROCKETMQ");
        }
    }
}
