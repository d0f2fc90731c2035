package io.txlab.support.tx;

import java.util.List;

import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a started producer known to the brokers at once. The broker sends a check-back only to a producer
 * of the group it has a connection for, and a producer heartbeats only to brokers it learned from a route:
 * until its first send, none. A restarted order service that had sent nothing yet never got the
 * check-backs of the half message its previous run left undecided ("Check transaction failed, channel is
 * null"), and the broker discarded it after its 15 checks (seen in the crash-after-local-commit scenario).
 */
final class ProducerPresence {

    private static final Logger log = LoggerFactory.getLogger(ProducerPresence.class);

    private ProducerPresence() {
    }

    /** Best effort: without a name server now, the first send makes the producer known instead. */
    static void announce(TransactionMQProducer producer, List<String> topics) {
        try {
            MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
            topics.forEach(client::updateTopicRouteInfoFromNameServer);
            client.sendHeartbeatToAllBrokerWithLock();
            log.info("producer group {} announced to the brokers of {}", producer.getProducerGroup(), topics);
        } catch (RuntimeException e) {
            log.warn("producer group {} not announced yet, its first send will: {}", producer.getProducerGroup(),
                    e.toString());
        }
    }
}
