package io.txlab.devstack;

import org.apache.rocketmq.common.MQVersion;

/** JVM-wide system properties RocketMQ reads once, so they must be set before its classes start logging. */
final class RocketMqSystemProperties {

    /** Read by the logback that RocketMQ repackages; a classpath resource name is accepted. */
    static final String LOGBACK_CONFIG = "rmq.logback.configurationFile";

    static final String LOGBACK_RESOURCE = "rmq.logback-devstack.xml";

    /** RemotingCommand.REMOTING_VERSION_KEY; written as a literal so that class is not loaded here. */
    static final String REMOTING_VERSION = "rocketmq.remoting.version";

    /**
     * RemotingCommand.SERIALIZE_TYPE_PROPERTY: the broker's and name server's own requests with RocketMQ's
     * binary headers rather than fastjson's JSON, as the services' clients send theirs (RemotingHeaders).
     */
    static final String SERIALIZE_TYPE = "rocketmq.serialize.type";

    private RocketMqSystemProperties() {
    }

    static synchronized void apply() {
        // Without this the broker's own log configuration would write to ~/logs/rocketmqlogs.
        if (System.getProperty(LOGBACK_CONFIG) == null) {
            System.setProperty(LOGBACK_CONFIG, LOGBACK_RESOURCE);
        }
        // The start scripts set it; without it the broker registered no topics with the name server.
        System.setProperty(REMOTING_VERSION, Integer.toString(MQVersion.CURRENT_VERSION));
        if (System.getProperty(SERIALIZE_TYPE) == null && System.getenv("ROCKETMQ_SERIALIZE_TYPE") == null) {
            System.setProperty(SERIALIZE_TYPE, "ROCKETMQ");
        }
    }
}
