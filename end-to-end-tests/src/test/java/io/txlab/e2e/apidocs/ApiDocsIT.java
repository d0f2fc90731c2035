package io.txlab.e2e.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Hidden;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.e2e.support.RawHttp;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Each service's OpenAPI document against the service's own request mappings: an endpoint that is mapped but
 * missing from /v3/api-docs, or there without a summary and a description (its Javadoc), fails the build.
 */
@ExtendWith(PlatformExtension.class)
class ApiDocsIT {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyEndpointIsDocumentedWithASummaryAndADescription(Service service, PlatformClient api, Platform platform)
            throws IOException {
        Reply docs = api.apiDocs(name(service));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("openapi").asString()).startsWith("3.");
        save(service, docs.body());

        Set<String> documented = new TreeSet<>();
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.body().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                String endpoint = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                documented.add(endpoint);
                if (operation.getValue().path("summary").asString("").isBlank()
                        || operation.getValue().path("description").asString("").isBlank()) {
                    undescribed.add(endpoint);
                }
            }
        }

        assertThat(mappedEndpoints(service, platform)).isNotEmpty().allSatisfy(endpoint ->
                assertThat(documented).as("the OpenAPI document of %s", service).contains(endpoint));
        assertThat(undescribed).as("operations without a summary and description (method Javadoc)").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void adminOperationsRequireTheAdminTokenScheme(Service service, PlatformClient api) {
        JsonNode docs = api.apiDocs(name(service)).body();
        assertThat(docs.path("components").path("securitySchemes").path("adminToken").path("name").asString())
                .isEqualTo("X-Admin-Token");
        JsonNode listFaults = docs.path("paths").path("/admin/faults").path("get");
        assertThat(listFaults.path("security").toString()).contains("adminToken");
        assertThat(listFaults.path("parameters").toString()).doesNotContain("X-Admin-Token");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void swaggerUiIsServed(Service service, Platform platform) throws IOException {
        RawHttp.Response page = RawHttp.send(platform.port(service),
                RawHttp.Request.of("GET", "/swagger-ui/index.html").header("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        RawHttp.Response config = RawHttp.send(platform.port(service),
                RawHttp.Request.of("GET", "/v3/api-docs/swagger-config").header("Accept", "application/json"));
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs");
    }

    /**
     * GET /api/orders/{orderId} and the like: every mapping of our own controllers, but /error and pages marked
     * {@link Hidden} (the console's).
     */
    private static Set<String> mappedEndpoints(Service service, Platform platform) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : platform.beans(service, RequestMappingHandlerMapping.class)) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = entry.getValue();
                if (!handler.getBeanType().getName().startsWith("io.txlab.")
                        || handler.getBeanType().isAnnotationPresent(Hidden.class) || handler.hasMethodAnnotation(Hidden.class)) {
                    continue;
                }
                for (String path : entry.getKey().getPatternValues()) {
                    if (path.equals("/error")) {
                        continue;
                    }
                    for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                        endpoints.add(method.name() + " " + path);
                    }
                }
            }
        }
        return endpoints;
    }

    private static void save(Service service, JsonNode docs) throws IOException {
        Path file = Path.of("target", "api-docs", name(service) + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, docs.toPrettyString());
    }

    private static String name(Service service) {
        return service.name().toLowerCase(Locale.ROOT);
    }
}
