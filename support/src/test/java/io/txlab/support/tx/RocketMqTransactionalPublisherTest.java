package io.txlab.support.tx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.trace.Spans;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RocketMqTransactionalPublisherTest {

    @AfterEach
    void endTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void refusesToPublishInsideADatabaseTransaction() {
        RocketMQTemplate template = mock(RocketMQTemplate.class);
        when(template.getProducer()).thenReturn(new TransactionMQProducer("test-group"));
        TransactionalPublisher publisher = new RocketMqTransactionalPublisher(template, new JsonCodec(),
                mock(HalfMessageListener.class), Clock.systemUTC(), TxLabMeters.none(), Spans.none(Clock.systemUTC()));
        LocalTransaction work = mock(LocalTransaction.class);
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(() -> publisher.publish(Topics.ORDER_EVENTS, OrderCreated.TYPE,
                OrderCreated.of("o-1", 1, 1, 1, 100, Instant.EPOCH), work))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a database transaction");
        verifyNoInteractions(work);
    }
}
