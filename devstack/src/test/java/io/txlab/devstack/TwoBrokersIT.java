package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.txlab.contracts.event.Topics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two-broker devstack (TXLAB_BROKERS=2): broker-a and broker-b register in one cluster with one name server,
 * every pre-created topic has queues on both, and plain and transactional messages (half messages answered
 * UNKNOWN, checked back and committed) are stored on, checked back by and delivered from both. Its own stack,
 * not the shared one of {@link DevStackExtension}, closed at the end.
 */
class TwoBrokersIT {

    private static final Logger log = LoggerFactory.getLogger(TwoBrokersIT.class);
    /** Round-robin over 4 + 4 queues: 8 sends reach every queue of both brokers once. */
    private static final int MESSAGES = 8;
    private static final Set<String> BOTH = Set.of(RocketMqConfigs.BROKER_NAME, RocketMqConfigs.BROKER_B_NAME);

    @Test
    void messagesAndCommittedHalfMessagesGoThroughBothBrokersThenTheStackStops() throws Exception {
        DevStackSettings settings = DevStackSettings.forTests(2);
        // RocketMQ embedded even where the environment names an external name server: the brokers are the subject
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove(DevStack.ENV_NAMESRV_ADDR);
        try (DevStack stack = DevStack.start(settings, env)) {
            assertThat(stack.brokers()).isEqualTo(2);
            assertThat(stack.describe()).contains(RocketMqConfigs.BROKER_B_NAME + " (broker-b) at 127.0.0.1:"
                    + settings.brokerBPort());
            DefaultMQAdminExt admin = admin(stack);
            try {
                everyTopicHasQueuesOnBothBrokersOfOneCluster(admin);
                plainMessagesAreStoredOnBothBrokers(stack, admin);
                halfMessagesOnBothBrokersAreCheckedBackCommittedAndDelivered(stack, settings);
            } finally {
                admin.shutdown();
            }
        }
        for (int port : List.of(settings.brokerPort(), settings.brokerBPort(), settings.namesrvPort())) {
            assertThat(Ports.isListening(port)).as("port %d after close", port).isFalse();
        }
    }

    private static void everyTopicHasQueuesOnBothBrokersOfOneCluster(DefaultMQAdminExt admin) throws Exception {
        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        assertThat(cluster.getClusterAddrTable().get(RocketMqConfigs.CLUSTER)).containsExactlyInAnyOrderElementsOf(BOTH);
        for (String topic : DevStackSettings.PRE_CREATED_TOPICS) {
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            assertThat(route.getBrokerDatas()).as(topic).extracting(BrokerData::getBrokerName)
                    .containsExactlyInAnyOrderElementsOf(BOTH);
            route.getQueueDatas().forEach(queues -> assertThat(queues.getWriteQueueNums()).as(topic).isPositive());
        }
    }

    private static void plainMessagesAreStoredOnBothBrokers(DevStack stack, DefaultMQAdminExt admin) throws Exception {
        String key = UUID.randomUUID().toString();
        DefaultMQProducer producer = new DefaultMQProducer("it-two-brokers-" + key);
        producer.setNamesrvAddr(stack.namesrvAddr());
        producer.start();
        try {
            Set<String> brokers = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < MESSAGES; i++) {
                SendResult result = producer.send(new Message(Topics.ORDER_REPLIES, "it", key, bytes("plain " + i)));
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                brokers.add(result.getMessageQueue().getBrokerName());
            }
            assertThat(brokers).containsExactlyInAnyOrderElementsOf(BOTH);
        } finally {
            producer.shutdown();
        }
        TopicStatsTable stats = admin.examineTopicStats(Topics.ORDER_REPLIES);
        Map<String, Long> storedPerBroker = stats.getOffsetTable().entrySet().stream().collect(Collectors.groupingBy(
                entry -> entry.getKey().getBrokerName(), Collectors.summingLong(entry -> entry.getValue().getMaxOffset())));
        log.info("messages stored per broker on {}: {}", Topics.ORDER_REPLIES, storedPerBroker);
        assertThat(storedPerBroker.keySet()).containsExactlyInAnyOrderElementsOf(BOTH);
        assertThat(storedPerBroker.values()).allMatch(stored -> stored > 0);
    }

    /** Each half message is answered UNKNOWN, so the broker that stores it must check it back itself. */
    private static void halfMessagesOnBothBrokersAreCheckedBackCommittedAndDelivered(DevStack stack,
            DevStackSettings settings) throws Exception {
        String key = UUID.randomUUID().toString();
        Map<Integer, String> brokerByPort = Map.of(settings.brokerPort(), RocketMqConfigs.BROKER_NAME,
                settings.brokerBPort(), RocketMqConfigs.BROKER_B_NAME);
        Map<String, String> checkedBackBy = new ConcurrentHashMap<>();
        Map<String, String> deliveredFrom = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("it-two-brokers-consumer-" + key);
        consumer.setNamesrvAddr(stack.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(Topics.ORDER_EVENTS, key);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> deliveredFrom.put(message.getKeys(), brokerOf(message, brokerByPort)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        TransactionMQProducer producer = new TransactionMQProducer("it-two-brokers-tx-" + key);
        producer.setNamesrvAddr(stack.namesrvAddr());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                if (!key.equals(message.getTags())) {
                    return LocalTransactionState.ROLLBACK_MESSAGE;
                }
                checkedBackBy.put(message.getKeys(), brokerOf(message, brokerByPort));
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        try {
            consumer.start();
            producer.start();
            Map<String, String> storedOn = new HashMap<>();
            for (String messageKey : IntStream.range(0, MESSAGES).mapToObj(i -> key + "-" + i).toList()) {
                SendResult result = producer.sendMessageInTransaction(
                        new Message(Topics.ORDER_EVENTS, key, messageKey, bytes("half")), null);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                storedOn.put(messageKey, result.getMessageQueue().getBrokerName());
            }
            assertThat(Set.copyOf(storedOn.values())).containsExactlyInAnyOrderElementsOf(BOTH);

            await().atMost(Duration.ofSeconds(60)).until(() -> deliveredFrom.size() == MESSAGES);
            log.info("half messages stored on {}, checked back by {}, delivered from {}", storedOn, checkedBackBy,
                    deliveredFrom);
            assertThat(checkedBackBy).as("each half message is checked back by the broker that stores it")
                    .isEqualTo(storedOn);
            assertThat(deliveredFrom).as("and delivered from it once committed").isEqualTo(storedOn);
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    /** The broker a message was stored on, by its store host's port (each broker listens on its own). */
    private static String brokerOf(MessageExt message, Map<Integer, String> brokerByPort) {
        return brokerByPort.getOrDefault(((InetSocketAddress) message.getStoreHost()).getPort(),
                "unknown " + message.getStoreHost());
    }

    private static DefaultMQAdminExt admin(DevStack stack) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt("it-two-brokers-admin-" + UUID.randomUUID());
        admin.setNamesrvAddr(stack.namesrvAddr());
        admin.start();
        return admin;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
