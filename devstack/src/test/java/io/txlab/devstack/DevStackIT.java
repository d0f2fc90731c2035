package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.txlab.contracts.event.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@ExtendWith(DevStackExtension.class)
class DevStackIT {

    private static final Logger log = LoggerFactory.getLogger(DevStackIT.class);

    @Test
    void halfMessageAnsweredUnknownIsCheckedBackCommittedAndDeliveredOnce(DevStack stack) throws Exception {
        String key = UUID.randomUUID().toString();
        AtomicLong unknownAt = new AtomicLong();
        AtomicLong checkedAt = new AtomicLong();
        AtomicLong receivedAt = new AtomicLong();
        AtomicInteger checks = new AtomicInteger();
        List<MessageExt> received = new CopyOnWriteArrayList<>();

        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("it-consumer-" + key);
        consumer.setNamesrvAddr(stack.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(Topics.ORDER_EVENTS, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.stream().filter(message -> key.equals(message.getKeys())).forEach(message -> {
                receivedAt.compareAndSet(0, System.nanoTime());
                received.add(message);
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        TransactionMQProducer producer = new TransactionMQProducer("it-tx-producer-" + key);
        producer.setNamesrvAddr(stack.namesrvAddr());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                unknownAt.set(System.nanoTime());
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                if (!key.equals(message.getKeys())) {
                    return LocalTransactionState.ROLLBACK_MESSAGE;
                }
                checks.incrementAndGet();
                checkedAt.compareAndSet(0, System.nanoTime());
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        try {
            consumer.start();
            producer.start();

            TransactionSendResult result = producer.sendMessageInTransaction(
                    new Message(Topics.ORDER_EVENTS, "it", key, "half".getBytes(StandardCharsets.UTF_8)), null);

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getLocalTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            // Two check intervals more: a redelivery would show the op-batch problem the broker settings avoid.
            await().during(Duration.ofMillis(2 * BrokerTransactionSettings.TRANSACTION_CHECK_INTERVAL_MS))
                    .atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(checks.get()).isEqualTo(1);
            assertThat(new String(received.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("half");
            log.info("check-back came {} ms after the UNKNOWN answer; delivery {} ms after the check-back",
                    (checkedAt.get() - unknownAt.get()) / 1_000_000, (receivedAt.get() - checkedAt.get()) / 1_000_000);
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    void jdbcRoundTrip(DevStack stack) throws Exception {
        try (Connection server = DriverManager.getConnection(stack.mysqlUrl() + "/", stack.mysqlUser(),
                stack.mysqlPassword());
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS devstack_it");
        }
        try (Connection db = DriverManager.getConnection(stack.mysqlUrl() + "/devstack_it", stack.mysqlUser(),
                stack.mysqlPassword())) {
            try (Statement statement = db.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS greeting (id BIGINT PRIMARY KEY, text VARCHAR(64))");
                statement.execute("DELETE FROM greeting");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO greeting (id, text) VALUES (?, ?)")) {
                insert.setLong(1, 1);
                insert.setString(2, "grüße ✓");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, text, VERSION() FROM greeting")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1);
                assertThat(rows.getString(2)).isEqualTo("grüße ✓");
                log.info("JDBC round trip against {}", rows.getString(3));
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void redisPingSetGet(DevStack stack) {
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisUrl());
        RedissonClient redisson = Redisson.create(config);
        try {
            assertThat(redisson.getRedisNodes(RedisNodes.SINGLE).pingAll()).isTrue();
            redisson.getBucket("devstack-it", StringCodec.INSTANCE).set("value");
            assertThat(redisson.<String>getBucket("devstack-it", StringCodec.INSTANCE).get()).isEqualTo("value");
        } finally {
            redisson.shutdown();
        }
    }

    @Test
    void sharedStackIsTheInjectedOneAndEnvironmentMatchesIt(DevStack stack) {
        assertThat(DevStackExtension.shared()).isSameAs(stack);
        assertThat(stack.environment()).containsExactly(
                java.util.Map.entry(DevStack.ENV_MYSQL_URL, stack.mysqlUrl()),
                java.util.Map.entry(DevStack.ENV_MYSQL_USER, "root"),
                java.util.Map.entry(DevStack.ENV_MYSQL_PASSWORD, ""),
                java.util.Map.entry(DevStack.ENV_REDIS_URL, stack.redisUrl()),
                java.util.Map.entry(DevStack.ENV_NAMESRV_ADDR, stack.namesrvAddr()));
        assertThat(stack.mysqlUrl()).matches("jdbc:mysql://127\\.0\\.0\\.1:\\d+");
        assertThat(stack.redisUrl()).matches("redis://127\\.0\\.0\\.1:\\d+");
        assertThat(stack.namesrvAddr()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(stack.describe().lines()).hasSize(3).allMatch(line -> line.contains("embedded"));
    }
}
