package io.txlab.order.ordering.domain;

import java.util.Optional;

/** Port to the prices the order service quotes. */
public interface ProductCatalogue {

    Optional<Product> find(long productId);
}
