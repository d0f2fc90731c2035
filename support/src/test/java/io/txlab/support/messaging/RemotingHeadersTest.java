package io.txlab.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemotingHeadersTest {

    private String before;

    @BeforeEach
    void rememberTheSetting() {
        before = System.getProperty(RemotingHeaders.SERIALIZE_TYPE);
    }

    @AfterEach
    void restoreTheSetting() {
        if (before == null) {
            System.clearProperty(RemotingHeaders.SERIALIZE_TYPE);
        } else {
            System.setProperty(RemotingHeaders.SERIALIZE_TYPE, before);
        }
    }

    @Test
    void binaryHeadersWhenNothingWasChosen() {
        System.clearProperty(RemotingHeaders.SERIALIZE_TYPE);

        RemotingHeaders.binaryUnlessSet();

        assertThat(System.getProperty(RemotingHeaders.SERIALIZE_TYPE)).isEqualTo("ROCKETMQ");
    }

    @Test
    void aChoiceMadeForTheJvmStands() {
        System.setProperty(RemotingHeaders.SERIALIZE_TYPE, "JSON");

        RemotingHeaders.binaryUnlessSet();

        assertThat(System.getProperty(RemotingHeaders.SERIALIZE_TYPE)).isEqualTo("JSON");
    }

    /** The literal is RocketMQ's own name for the setting, and its value one RocketMQ knows. */
    @Test
    void theSettingIsRocketMqs() {
        assertThat(RemotingHeaders.SERIALIZE_TYPE)
                .isEqualTo(org.apache.rocketmq.remoting.protocol.RemotingCommand.SERIALIZE_TYPE_PROPERTY);
        assertThat(org.apache.rocketmq.remoting.protocol.SerializeType.valueOf("ROCKETMQ")).isNotNull();
    }
}
