package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OrderSettingsTest {

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        OrderSettings settings = new OrderSettings(null, null, " ", null);

        assertThat(settings.pendingDeadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.inventoryUrl()).isEqualTo("http://127.0.0.1:8082");
        assertThat(settings.paymentUrl()).isEqualTo("http://127.0.0.1:8083");
    }

    @Test
    void aDeadlineOrIntervalThatIsNotPositiveIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new OrderSettings(Duration.ZERO, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending-deadline");
        assertThatThrownBy(() -> new OrderSettings(null, Duration.ofSeconds(-1), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
