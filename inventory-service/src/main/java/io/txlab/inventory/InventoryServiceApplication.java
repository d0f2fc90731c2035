package io.txlab.inventory;

import io.txlab.support.messaging.RemotingHeaders;
import io.txlab.support.config.TxLabSupportConfiguration;
import io.txlab.support.participant.ParticipantConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({TxLabSupportConfiguration.class, ParticipantConfiguration.class})
public class InventoryServiceApplication {

    public static void main(String[] args) {
        RemotingHeaders.binaryUnlessSet();
        application().run(args);
    }

    /** Reads inventory-service.yml, not application.yml, so all three services can share one classpath in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(InventoryServiceApplication.class)
                .properties("spring.config.name=inventory-service");
    }
}
