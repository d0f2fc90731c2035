package io.txlab.support.admin;

import io.txlab.support.config.TxLabProperties;
import io.txlab.support.fault.FaultPoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The guarded admin endpoints every service has. */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration {

    @Bean
    AdminAccess adminAccess(Environment environment, TxLabProperties properties) {
        return new AdminAccess(new AdminToken(environment.getProperty(AdminToken.VARIABLE)), properties.service());
    }

    @Bean
    FaultAdminController faultAdminController(FaultPoints faults, AdminAccess access) {
        return new FaultAdminController(faults, access);
    }
}
