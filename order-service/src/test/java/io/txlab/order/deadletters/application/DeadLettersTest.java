package io.txlab.order.deadletters.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.deadletter.DeadLetter;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private final List<List<String>> reads = new ArrayList<>();
    private final DeadLetters deadLetters = new DeadLetters(new DeadLetterQueue() {
        @Override
        public Map<String, List<DeadLetter>> list(List<String> groups) {
            reads.add(groups);
            Map<String, List<DeadLetter>> letters = new LinkedHashMap<>();
            groups.forEach(group -> letters.put(group, List.of()));
            return letters;
        }

        @Override
        public List<DeadLetter> replay(String group) {
            return List.of();
        }
    });

    @Test
    void everyGroupIsReadInOneGoInTheCatalogueOrder() {
        assertThat(deadLetters.byGroup(null).keySet()).containsExactlyElementsOf(ConsumerGroups.ALL);
        assertThat(reads).containsExactly(ConsumerGroups.ALL);
    }

    @Test
    void oneKnownGroupIsReadAlone() {
        assertThat(deadLetters.byGroup(ConsumerGroups.PAYMENT).keySet()).containsExactly(ConsumerGroups.PAYMENT);
        assertThat(reads).containsExactly(List.of(ConsumerGroups.PAYMENT));
    }

    @Test
    void anUnknownGroupIsRefusedBeforeTheBrokerIsAsked() {
        assertThatThrownBy(() -> deadLetters.byGroup("txlab-nobody")).isInstanceOf(UnknownConsumerGroupException.class);
        assertThatThrownBy(() -> deadLetters.replay("txlab-nobody")).isInstanceOf(UnknownConsumerGroupException.class);
        assertThat(reads).isEmpty();
    }
}
