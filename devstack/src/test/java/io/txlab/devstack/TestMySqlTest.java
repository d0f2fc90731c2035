package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.txlab.devstack.TestMySql.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestMySqlTest {

    @Test
    void withNothingSetTheMachinesServerIsTriedFirst() {
        assertThat(TestMySql.mode(Map.<String, String>of()::get, Map.<String, String>of()::get)).isEqualTo(Mode.AUTO);
    }

    @Test
    void theVariableForcesTheEmbeddedServerInAnyCase() {
        Map<String, String> env = Map.of(TestMySql.MODE_VARIABLE, " Embedded ");
        assertThat(TestMySql.mode(env::get, Map.<String, String>of()::get)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void theSystemPropertyWinsOverTheVariable() {
        Map<String, String> env = Map.of(TestMySql.MODE_VARIABLE, "embedded");
        Map<String, String> properties = Map.of(TestMySql.MODE_PROPERTY, "local");
        assertThat(TestMySql.mode(env::get, properties::get)).isEqualTo(Mode.LOCAL);
    }

    @Test
    void anUnknownModeIsRefusedWithTheChoices() {
        Map<String, String> env = Map.of(TestMySql.MODE_VARIABLE, "3306");
        assertThatThrownBy(() -> TestMySql.mode(env::get, Map.<String, String>of()::get))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining("TXLAB_TEST_MYSQL").hasMessageContaining("auto, local, embedded");
    }
}
