package io.txlab.order.flashsale.remote;

import java.time.Duration;
import java.util.Map;

import io.txlab.support.admin.AdminToken;
import io.txlab.order.flashsale.domain.InventoryUnreachableException;
import io.txlab.order.flashsale.domain.UnitAllocations;
import io.txlab.order.ordering.application.OrderSettings;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** PUT /api/inventory/flash-allocations/{saleId}, with this service's own admin token. */
@Component
class HttpUnitAllocations implements UnitAllocations {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RestClient inventory;
    private final String adminToken;

    HttpUnitAllocations(OrderSettings settings, Environment environment) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        this.inventory = RestClient.builder().requestFactory(requests).baseUrl(settings.inventoryUrl()).build();
        this.adminToken = environment.getProperty(AdminToken.VARIABLE, "");
    }

    @Override
    public boolean allocate(String saleId, long productId, int units) {
        try {
            inventory.put()
                    .uri("/api/inventory/flash-allocations/{saleId}", saleId)
                    .header(AdminToken.HEADER, adminToken)
                    .body(Map.of("productId", productId, "units", units))
                    .retrieve()
                    .toBodilessEntity();
            return true;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                return false;
            }
            throw new InventoryUnreachableException("inventory refused the allocation: HTTP " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new InventoryUnreachableException("inventory cannot be reached: " + e.getMessage(), e);
        }
    }
}
