package io.txlab.order.ordering.application;

import io.txlab.order.ordering.domain.ProductCatalogue;
import org.springframework.stereotype.Service;

/** The products this service sells, as the other features of this service ask about them. */
@Service
public class ProductQueries {

    private final ProductCatalogue catalogue;

    public ProductQueries(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @throws UnknownProductException when the service does not sell it */
    public void requireKnown(long productId) {
        catalogue.find(productId).orElseThrow(() -> new UnknownProductException(productId));
    }
}
