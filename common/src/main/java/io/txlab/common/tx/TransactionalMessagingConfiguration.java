package io.txlab.common.tx;

import io.txlab.common.config.TxLabProperties;
import io.txlab.common.fault.FaultPoints;
import io.txlab.common.json.JsonCodec;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the transactional publisher, the local-transaction runner and the check-back answerer. */
@Configuration(proxyBeanMethods = false)
public class TransactionalMessagingConfiguration {

    @Bean
    TransactionalPublisher transactionalPublisher(RocketMQTemplate template, JsonCodec codec, JdbcClient jdbc,
                                                  TransactionTemplate transactions, FaultPoints faults,
                                                  TxLabProperties properties) {
        TransactionLog transactionLog = new TransactionLog(jdbc);
        var run = new RunLocalTransaction(transactionLog, transactions, faults, properties.service());
        var answer = new AnswerCheckBack(transactionLog, new CheckBackLog(jdbc), faults, properties.service(),
                properties.instanceId());
        return new TransactionalPublisher(template, codec, new HalfMessageListener(run, answer));
    }

    @Bean
    TransactionAudit transactionAudit(JdbcClient jdbc) {
        return new TransactionAudit(new CheckBackLog(jdbc));
    }
}
