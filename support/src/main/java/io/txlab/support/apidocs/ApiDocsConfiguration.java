package io.txlab.support.apidocs;

import java.util.Arrays;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.txlab.support.admin.AdminToken;
import io.txlab.support.config.TxLabProperties;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The parts of each service's OpenAPI document (springdoc, {@code /v3/api-docs}) that are the same everywhere:
 * the title, and the admin token as a security scheme instead of a header parameter on every admin operation.
 * Summaries and descriptions come from the endpoints' Javadoc, kept at run time by the Javadoc scribe.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OperationCustomizer.class)
public class ApiDocsConfiguration {

    static final String ADMIN_SCHEME = "adminToken";

    @Bean
    OpenAPI txlabOpenApi(TxLabProperties properties) {
        return new OpenAPI()
                .info(new Info()
                        .title("TxLab " + properties.service() + " service")
                        .description("Distributed transactions with Apache RocketMQ transactional (half) messages: the "
                                + properties.service() + " service's HTTP API. Every refusal is an RFC 9457 problem.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(ADMIN_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(AdminToken.HEADER)
                        .description("TXLAB_ADMIN_TOKEN of the service (docs/operations.md, \"Security\")")));
    }

    /** An operation that reads X-Admin-Token requires the admin scheme; the header is not listed twice. */
    @Bean
    OperationCustomizer adminTokenAsSecurity() {
        return (operation, handler) -> {
            boolean admin = Arrays.stream(handler.getMethodParameters())
                    .map(parameter -> parameter.getParameterAnnotation(RequestHeader.class))
                    .anyMatch(header -> header != null
                            && (AdminToken.HEADER.equalsIgnoreCase(header.value())
                            || AdminToken.HEADER.equalsIgnoreCase(header.name())));
            if (admin) {
                operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME));
                if (operation.getParameters() != null) {
                    operation.getParameters().removeIf(parameter -> "header".equals(parameter.getIn())
                            && AdminToken.HEADER.equalsIgnoreCase(parameter.getName()));
                }
            }
            return operation;
        };
    }
}
