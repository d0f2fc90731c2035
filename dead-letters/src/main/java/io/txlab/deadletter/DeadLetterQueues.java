package io.txlab.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQAdminImpl;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Reads a consumer group's dead letters and replays them to that group only: each goes to
 * {@code %RETRY%<group>} with its original topic in RETRY_TOPIC, which is how the broker itself
 * redelivers, so the group's consumer restores the topic and gets a fresh budget of redeliveries. The
 * other groups of the topic see nothing. The replay group ({@value #REPLAY_GROUP}) commits its offset in
 * the DLQ, so each dead letter is replayed once; a second replay would still change nothing, since every
 * consumer is idempotent.
 */
public final class DeadLetterQueues implements AutoCloseable {

    public static final String REPLAY_GROUP = "txlab-dlq-replay";
    /** How long a read may take to reach the end of every queue of a DLQ, as the broker stated it. */
    private static final long READ_LIMIT_NANOS = 60_000_000_000L;
    private static final long POLL_MS = 500;
    private static final long ROUTE_TIMEOUT_MS = 3_000;
    private static final AtomicLong CLIENTS = new AtomicLong();

    private final String namesrvAddr;
    private DefaultMQProducer producer;

    public DeadLetterQueues(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    /** Every dead letter of the group, oldest first; each says whether it was replayed already. */
    public List<DeadLetter> list(String group) throws MQClientException {
        return list(List.of(group)).get(group);
    }

    /**
     * The dead letters of each group, oldest first, in the groups' order: all read at once, by one client,
     * since each client's start and shutdown costs more than a read of a small DLQ.
     */
    public Map<String, List<DeadLetter>> list(List<String> groups) throws MQClientException {
        Map<String, List<DeadLetter>> letters = new LinkedHashMap<>();
        groups.forEach(group -> letters.put(group, new ArrayList<>()));
        read(groups, false, (group, message) -> letters.get(group).add(letter(group, message, true)),
                (group, message) -> letters.get(group).add(letter(group, message, false)));
        letters.values().forEach(each -> each.sort(Comparator.comparing(DeadLetter::bornAt)));
        return letters;
    }

    /** Replays the group's dead letters not replayed before; reports each as it goes. */
    public List<DeadLetter> replay(String group, Consumer<DeadLetter> progress) throws MQClientException {
        List<DeadLetter> replayed = new ArrayList<>();
        read(List.of(group), true, (ignored, message) -> {
        }, (ignored, message) -> {
            resend(group, message);
            DeadLetter letter = letter(group, message, true);
            replayed.add(letter);
            progress.accept(letter);
        });
        return replayed;
    }

    /**
     * Reads the groups' DLQs from their first message: those before the replay group's offset go to
     * {@code before}, the rest to {@code after}, each with its group. With {@code commit}, the offsets move
     * past what was read.
     */
    private void read(List<String> groups, boolean commit, BiConsumer<String, MessageExt> before,
                      BiConsumer<String, MessageExt> after) throws MQClientException {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(REPLAY_GROUP);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setAutoCommit(false);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setInstanceName(clientName());
        consumer.start();
        try {
            List<MessageQueue> queues = new ArrayList<>();
            for (String group : groups) {
                queues.addAll(queuesOf(consumer, MixAll.DLQ_GROUP_TOPIC_PREFIX + group));
            }
            if (queues.isEmpty()) {
                return;
            }
            // Read until every queue's end as the broker states it, not until the polls fall silent: a pull
            // consumer that starts slowly on a busy machine is silent at first, and that is no empty DLQ.
            // The offsets are asked for before the queues are assigned: the seek below interrupts the pull
            // threads that the assignment starts, and an interrupted request closes the channel it shares with
            // any request made meanwhile (it failed a replay as "Invoke Broker exception").
            MQAdminImpl admin = MQClientManager.getInstance().getOrCreateMQClientInstance(consumer).getMQAdminImpl();
            Map<MessageQueue, Long> replayedUpTo = new HashMap<>();
            Map<MessageQueue, Long> next = new HashMap<>();
            Map<MessageQueue, Long> end = new HashMap<>();
            for (MessageQueue queue : queues) {
                replayedUpTo.put(queue, Math.max(0, consumer.committed(queue)));
                next.put(queue, admin.minOffset(queue));
                end.put(queue, admin.maxOffset(queue));
            }
            consumer.assign(queues);
            for (MessageQueue queue : queues) {
                consumer.seekToBegin(queue);
            }
            long giveUp = System.nanoTime() + READ_LIMIT_NANOS;
            while (queues.stream().anyMatch(queue -> next.get(queue) < end.get(queue))) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("the broker did not deliver the dead letters of " + groups
                            + " within " + READ_LIMIT_NANOS / 1_000_000_000L + " s");
                }
                for (MessageExt message : consumer.poll(POLL_MS)) {
                    MessageQueue queue = new MessageQueue(message.getTopic(), message.getBrokerName(),
                            message.getQueueId());
                    next.merge(queue, message.getQueueOffset() + 1, Math::max);
                    String group = message.getTopic().substring(MixAll.DLQ_GROUP_TOPIC_PREFIX.length());
                    (message.getQueueOffset() < replayedUpTo.get(queue) ? before : after).accept(group, message);
                }
            }
            if (commit) {
                consumer.commitSync();
            }
        } finally {
            shutDownAside(consumer);
        }
    }

    /**
     * A client's shutdown waits up to 3 s for its Netty event thread's next poll; the reader has what it came
     * for (and a replay's offsets are committed), so nobody waits for it. Each client has an instance of its
     * own, so the next read does not meet this one.
     */
    private static void shutDownAside(DefaultLitePullConsumer consumer) {
        Thread shutdown = new Thread(consumer::shutdown, "dead-letter-reader-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
    }

    /** No DLQ topic yet (the name server says so) means nothing was ever dead-lettered for the group. */
    private static Collection<MessageQueue> queuesOf(DefaultLitePullConsumer consumer, String topic)
            throws MQClientException {
        try {
            MQClientManager.getInstance().getOrCreateMQClientInstance(consumer).getMQClientAPIImpl()
                    .getTopicRouteInfoFromNameServer(topic, ROUTE_TIMEOUT_MS);
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return List.of();
            }
            throw e;
        } catch (RemotingException e) {
            throw new IllegalStateException("the name server does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return consumer.fetchMessageQueues(topic);
    }

    private void resend(String group, MessageExt dead) {
        Message message = new Message(MixAll.getRetryTopic(group), dead.getTags(), dead.getKeys(), dead.getBody());
        dead.getProperties().forEach((name, value) -> {
            if (!MessageConst.STRING_HASH_SET.contains(name)) {
                message.putUserProperty(name, value);
            }
        });
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_RETRY_TOPIC, originalTopic(dead));
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, dead.getMsgId());
        try {
            SendStatus status = producer().send(message).getSendStatus();
            if (status != SendStatus.SEND_OK) {
                throw new IllegalStateException("the broker stored the replay of " + dead.getMsgId() + " as " + status);
            }
        } catch (MQClientException | RemotingException | MQBrokerException e) {
            throw new IllegalStateException("could not replay " + dead.getMsgId() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + dead.getMsgId(), e);
        }
    }

    private DefaultMQProducer producer() throws MQClientException {
        if (producer == null) {
            producer = new DefaultMQProducer(REPLAY_GROUP);
            producer.setNamesrvAddr(namesrvAddr);
            producer.setInstanceName(clientName());
            producer.start();
        }
        return producer;
    }

    /**
     * A client instance of its own for every consumer and producer: RocketMQ shares one per instance name in a
     * JVM, and a read's consumer that shuts down while another (the console's next read, or the replay's
     * producer) shares its instance can leave that one pulling on closed channels until the read gives up.
     */
    private static String clientName() {
        return REPLAY_GROUP + "-" + ProcessHandle.current().pid() + "-" + CLIENTS.incrementAndGet();
    }

    private static String originalTopic(MessageExt message) {
        String original = message.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        return original != null ? original : message.getTopic();
    }

    private static DeadLetter letter(String group, MessageExt message, boolean replayed) {
        String originalId = message.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID);
        String clientId = message.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        return new DeadLetter(group, originalId != null ? originalId : message.getMsgId(),
                clientId != null ? clientId : message.getMsgId(), originalTopic(message), message.getKeys(),
                message.getUserProperty("eventType"), message.getReconsumeTimes(),
                Instant.ofEpochMilli(message.getBornTimestamp()), replayed);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.shutdown();
        }
    }
}
