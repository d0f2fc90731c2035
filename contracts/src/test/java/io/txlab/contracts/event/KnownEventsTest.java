package io.txlab.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class KnownEventsTest {

    @Test
    void eachEventTypeIsKnownUpToTheVersionItWrites() {
        assertThat(KnownEvents.of(OrderCreated.class)).isEqualTo(new KnownEvents.Known("OrderCreated", 2));
        assertThat(KnownEvents.of(OrderCancelled.class)).isEqualTo(new KnownEvents.Known("OrderCancelled", 1));
        assertThat(KnownEvents.of(ParticipantReplied.class))
                .isEqualTo(new KnownEvents.Known("ParticipantReplied", 1));
        assertThat(KnownEvents.of(FlashPurchaseAccepted.class))
                .isEqualTo(new KnownEvents.Known("FlashPurchaseAccepted", 1));
    }

    @Test
    void everyEventRecordOfTheContractsIsListed() {
        var events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.txlab.contracts.event").stream()
                .filter(type -> type.isAssignableTo(Event.class) && !type.isInterface())
                .map(JavaClass::reflect).toList();

        assertThat(events).hasSize(4).allSatisfy(type -> KnownEvents.of(type.asSubclass(Event.class)));
    }

    @Test
    void anEventRecordLeftOutOfTheCatalogueIsRefused() {
        record Unlisted(String type, int version, String orderId) implements Event {
        }

        assertThatThrownBy(() -> KnownEvents.of(Unlisted.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a known event type");
    }
}
