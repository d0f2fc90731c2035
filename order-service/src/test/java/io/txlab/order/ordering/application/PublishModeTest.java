package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublishModeTest {

    @Test
    void noParameterMeansTheTransactionalMessage() {
        assertThat(PublishMode.fromParameter(null)).isEqualTo(PublishMode.TRANSACTIONAL);
        assertThat(PublishMode.fromParameter(" ")).isEqualTo(PublishMode.TRANSACTIONAL);
    }

    @Test
    void eachModeIsSelectedByItsLowerCaseNameInAnyCase() {
        assertThat(PublishMode.fromParameter("transactional")).isEqualTo(PublishMode.TRANSACTIONAL);
        assertThat(PublishMode.fromParameter("outbox")).isEqualTo(PublishMode.OUTBOX);
        assertThat(PublishMode.fromParameter(" OutBox ")).isEqualTo(PublishMode.OUTBOX);
        assertThat(PublishMode.parameterValues()).containsExactly("transactional", "outbox");
    }

    @Test
    void anUnknownValueIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> PublishMode.fromParameter("dual-write"))
                .isInstanceOfSatisfying(UnknownPublishModeException.class, e -> {
                    assertThat(e.accepted()).containsExactly("transactional", "outbox");
                    assertThat(e.getMessage()).contains("'dual-write'", "transactional, outbox");
                });
    }

    @Test
    void aLongUnknownValueIsCutInTheMessage() {
        assertThatThrownBy(() -> PublishMode.fromParameter("x".repeat(500)))
                .isInstanceOf(UnknownPublishModeException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }
}
