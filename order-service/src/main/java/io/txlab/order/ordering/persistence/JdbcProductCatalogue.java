package io.txlab.order.ordering.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.txlab.order.ordering.domain.Product;
import io.txlab.order.ordering.domain.ProductCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products, read through a short cache: every order asks for its product's price, and the catalogue is seed
 * data that no API changes. A price changed in the database is quoted within {@link #FRESH_FOR}; an order
 * keeps the price it was quoted (amount_cents), so a stale quote never changes an order afterwards.
 */
@Repository
class JdbcProductCatalogue implements ProductCatalogue {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, Quote> quotes = new ConcurrentHashMap<>();

    JdbcProductCatalogue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Product> find(long productId) {
        Instant now = clock.instant();
        Quote quote = quotes.get(productId);
        if (quote != null && now.isBefore(quote.freshUntil())) {
            return Optional.of(quote.product());
        }
        Optional<Product> product = load(productId);
        // An unknown product is not cached: it may be added, and it is a client error that costs one read.
        product.ifPresent(found -> quotes.put(productId, new Quote(found, now.plus(FRESH_FOR))));
        return product;
    }

    private Optional<Product> load(long productId) {
        return jdbc.sql("SELECT product_id, name, price_cents FROM product WHERE product_id = :productId")
                .param("productId", productId)
                .query((rs, row) -> new Product(rs.getLong("product_id"), rs.getString("name"),
                        rs.getLong("price_cents")))
                .optional();
    }

    private record Quote(Product product, Instant freshUntil) {
    }
}
