package io.txlab.support.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

class HalfMessageListenerTest {

    @Test
    void theAskingBrokerIsTheAddressThatStoredTheHalfMessage() {
        MessageExt message = new MessageExt();
        message.setStoreHost(new InetSocketAddress("127.0.0.1", 19921));

        assertThat(HalfMessageListener.broker(message)).isEqualTo("127.0.0.1:19921");
    }

    @Test
    void theAttemptIsTheBrokersCheckCountAndOneWithout() {
        MessageExt message = new MessageExt();
        assertThat(HalfMessageListener.attempt(message)).isEqualTo(1);

        message.putUserProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, "7");
        assertThat(HalfMessageListener.attempt(message)).isEqualTo(7);
    }
}
