package io.txlab.order;

import io.txlab.support.messaging.RemotingHeaders;
import io.txlab.support.config.TxLabSupportConfiguration;
import io.txlab.order.flashsale.application.FlashSaleSettings;
import io.txlab.order.ordering.application.OrderSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import(TxLabSupportConfiguration.class)
@EnableConfigurationProperties({OrderSettings.class, FlashSaleSettings.class})
@EnableScheduling
public class OrderServiceApplication {

    public static void main(String[] args) {
        RemotingHeaders.binaryUnlessSet();
        application().run(args);
    }

    /** Reads order-service.yml, not application.yml, so all three services can share one classpath in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OrderServiceApplication.class)
                .properties("spring.config.name=order-service");
    }
}
