package io.txlab.order.ordering.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        OutboxSettings settings = new OutboxSettings(null, null);

        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.batchSize()).isEqualTo(100);
    }

    @Test
    void anIntervalThatIsNotPositiveOrABatchOutsideTheBrokersLimitIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new OutboxSettings(Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poll-interval");
        assertThatThrownBy(() -> new OutboxSettings(null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new OutboxSettings(null, OutboxSettings.MAX_BATCH_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
