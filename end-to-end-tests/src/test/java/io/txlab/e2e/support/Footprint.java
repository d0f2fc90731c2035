package io.txlab.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.txlab.contracts.event.Topics;
import io.txlab.e2e.support.Platform.Service;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the platform has written, in numbers: the row count of every table of the three schemas, the
 * stock and money totals, and the broker's max offset of every queue the services send to, half messages
 * included. Two equal readings around a request mean it wrote no row and sent no message.
 */
public final class Footprint implements AutoCloseable {

    private final Platform platform;
    private final DefaultMQProducer client;
    private final List<MessageQueue> queues = new ArrayList<>();

    private Footprint(Platform platform, DefaultMQProducer client) {
        this.platform = platform;
        this.client = client;
    }

    public static Footprint of(Platform platform) throws MQClientException {
        // Only asks for offsets; it never sends.
        DefaultMQProducer client = new DefaultMQProducer("txlab-it-footprint");
        client.setNamesrvAddr(platform.stack().namesrvAddr());
        client.start();
        Footprint footprint = new Footprint(platform, client);
        try {
            for (String topic : Topics.ALL) {
                footprint.queues.addAll(client.fetchPublishMessageQueues(topic));
            }
            // Half messages are stored in one queue of a system topic until they are committed or rolled back.
            footprint.queues.add(new MessageQueue(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC,
                    footprint.queues.get(0).getBrokerName(), 0));
        } catch (MQClientException | RuntimeException e) {
            client.shutdown();
            throw e;
        }
        return footprint;
    }

    /** Sorted, so that a difference reads well in an assertion message. */
    public Map<String, Long> read() throws MQClientException {
        Map<String, Long> reading = new TreeMap<>();
        for (Service service : Service.values()) {
            JdbcClient db = platform.db(service);
            for (String table : db.sql("SHOW TABLES").query(String.class).list()) {
                reading.put(service + " rows of " + table,
                        db.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
            }
        }
        reading.put("INVENTORY units available", platform.db(Service.INVENTORY)
                .sql("SELECT COALESCE(SUM(available), 0) FROM stock").query(Long.class).single());
        reading.put("PAYMENT cents on accounts", platform.db(Service.PAYMENT)
                .sql("SELECT COALESCE(SUM(balance_cents), 0) FROM account").query(Long.class).single());
        for (MessageQueue queue : queues) {
            reading.put("broker max offset of " + queue.getTopic() + "#" + queue.getQueueId(), client.maxOffset(queue));
        }
        return reading;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
