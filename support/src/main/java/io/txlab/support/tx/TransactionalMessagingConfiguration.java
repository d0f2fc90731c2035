package io.txlab.support.tx;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.txlab.support.config.TxLabProperties;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.trace.Spans;
import io.txlab.support.messaging.BrokerHeartbeat;
import io.txlab.support.messaging.ClientName;
import io.txlab.support.metrics.TxLabMeters;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the transactional publisher, the local-transaction runner, the check-back answerer and the
 * commit-outcome resolver.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionalMessagingConfiguration {

    private static final int CHECK_BACK_THREADS = 4;
    /**
     * The client's send accumulator batches only with autoBatch on, which TxLab leaves off; yet its two guard
     * threads sleep batchMaxDelayMs / 2 between rounds (5 ms by default: 400 wake-ups a second for nothing).
     * At 2 s they wake once a second each.
     */
    private static final int ACCUMULATOR_MAX_DELAY_MS = 2_000;

    @Bean
    TransactionalPublisher transactionalPublisher(RocketMQTemplate template, JsonCodec codec, JdbcClient jdbc,
                                                  CommitOutcomeResolver commits, FaultPoints faults,
                                                  TxLabProperties properties, Clock clock, TxLabMeters meters,
                                                  Spans spans) {
        TransactionLog transactionLog = new JdbcTransactionLog(jdbc);
        var run = new RunLocalTransaction(transactionLog, commits, faults);
        var answer = new AnswerCheckBack(transactionLog, new JdbcCheckBackLog(jdbc), faults, properties.instanceId(),
                clock, meters);
        return new RocketMqTransactionalPublisher(template, codec, new HalfMessageListener(run, answer, spans),
                clock, meters, spans);
    }

    /**
     * Check-backs run on the producer's check executor, one thread by default: a check waiting on an
     * in-flight local transaction's row lock would hold up every other. Heartbeats every
     * {@link BrokerHeartbeat#INTERVAL_MS}, so that a restarted broker can check back soon. One client
     * instance with the service's consumers ({@link ClientName}). Set before the producer starts. The send
     * accumulator's guards wake once a second (see {@link #ACCUMULATOR_MAX_DELAY_MS}).
     */
    @Bean
    static BeanPostProcessor producerSettings(Environment environment) {
        String instanceName = ClientName.of(environment.getRequiredProperty("txlab.service"));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TransactionMQProducer producer && producer.getExecutorService() == null) {
                    producer.setExecutorService(checkBackExecutor());
                    producer.setHeartbeatBrokerInterval(BrokerHeartbeat.INTERVAL_MS);
                    producer.setInstanceName(instanceName);
                    producer.batchMaxDelayMs(ACCUMULATOR_MAX_DELAY_MS);
                }
                return bean;
            }
        };
    }

    private static ExecutorService checkBackExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(CHECK_BACK_THREADS, CHECK_BACK_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(2000), runnable -> {
                    Thread thread = new Thread(runnable, "txlab-check-back-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Bean
    CommitOutcomeResolver commitOutcomeResolver(TransactionTemplate transactions) {
        return new CommitOutcomeResolver(transactions);
    }

    @Bean
    TransactionAudit transactionAudit(JdbcClient jdbc) {
        return new TransactionAudit(new JdbcCheckBackLog(jdbc));
    }
}
