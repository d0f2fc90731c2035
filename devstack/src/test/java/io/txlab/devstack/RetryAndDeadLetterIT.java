package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.txlab.contracts.event.Topics;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the broker does with a message whose consumer keeps failing, with the devstack's retry levels: it
 * redelivers it with growing delays (ConsumerRetrySettings), and after maxReconsumeTimes failed
 * redeliveries moves it to the group's dead-letter topic, where it can be read for a replay.
 */
@ExtendWith(DevStackExtension.class)
class RetryAndDeadLetterIT {

    private static final Logger log = LoggerFactory.getLogger(RetryAndDeadLetterIT.class);
    private static final int MAX_RECONSUME_TIMES = 3;

    private record Delivery(long atNanos, int reconsumeTimes) {
    }

    @Test
    void aMessageThatKeepsFailingIsRedeliveredWithBackoffThenDeadLettered(DevStack stack) throws Exception {
        String key = UUID.randomUUID().toString();
        String group = "it-retry-" + key;
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        List<String> deadLettered = new CopyOnWriteArrayList<>();
        String dlq = MixAll.DLQ_GROUP_TOPIC_PREFIX + group;
        DefaultMQPushConsumer failing = consumer(stack, group, Topics.ORDER_EVENTS, key, (messages, context) -> {
            messages.forEach(message -> deliveries.add(new Delivery(System.nanoTime(), message.getReconsumeTimes())));
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        failing.setMaxReconsumeTimes(MAX_RECONSUME_TIMES);
        // This group's retry topic is not pre-created like the services' ones (DevStackSettings): without a
        // fast route poll the consumer would learn of it only at its next poll, up to 30 s later.
        failing.setPollNameServerInterval(500);
        DefaultMQPushConsumer dlqReader = consumer(stack, "it-dlq-reader-" + key, dlq, "*", (messages, context) -> {
                    messages.forEach(message -> deadLettered.add(message.getKeys()));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
        DefaultMQProducer producer = new DefaultMQProducer("it-retry-producer-" + key);
        producer.setNamesrvAddr(stack.namesrvAddr());
        try {
            failing.start();
            producer.start();
            // Its own tag on a pre-created topic: an auto-created topic would route ~20 s late.
            producer.send(new Message(Topics.ORDER_EVENTS, key, key, "fails".getBytes(StandardCharsets.UTF_8)));

            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() == MAX_RECONSUME_TIMES + 1);
            // The broker creates the DLQ topic when it dead-letters the first message; then read it.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> !producer.fetchPublishMessageQueues(dlq).isEmpty());
            dlqReader.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered.contains(key));

            assertThat(deliveries).extracting(Delivery::reconsumeTimes).containsExactly(0, 1, 2, 3);
            List<Long> delaysMs = new ArrayList<>();
            for (int i = 1; i < deliveries.size(); i++) {
                delaysMs.add((deliveries.get(i).atNanos() - deliveries.get(i - 1).atNanos()) / 1_000_000);
            }
            log.info("redelivery delays {} ms, then the DLQ {}", delaysMs, dlq);
            // Levels 3, 4 and 5 of ConsumerRetrySettings (1 s, 2 s, 4 s), never sooner; and not RocketMQ's 10 s.
            assertThat(delaysMs.get(0)).isGreaterThanOrEqualTo(900L).isLessThan(10_000L);
            assertThat(delaysMs.get(1)).isGreaterThanOrEqualTo(1_900L);
            assertThat(delaysMs.get(2)).isGreaterThanOrEqualTo(3_900L);
        } finally {
            producer.shutdown();
            failing.shutdown();
            dlqReader.shutdown();
        }
    }

    private static DefaultMQPushConsumer consumer(DevStack stack, String group, String topic, String tags,
                                                  MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(stack.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, tags);
        consumer.registerMessageListener(listener);
        return consumer;
    }
}
