package io.txlab.order.ordering.persistence;

import java.util.Optional;

import io.txlab.order.ordering.domain.Product;
import io.txlab.order.ordering.domain.ProductCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProductCatalogue implements ProductCatalogue {

    private final JdbcClient jdbc;

    JdbcProductCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Product> find(long productId) {
        return jdbc.sql("SELECT product_id, name, price_cents FROM product WHERE product_id = :productId")
                .param("productId", productId)
                .query((rs, row) -> new Product(rs.getLong("product_id"), rs.getString("name"),
                        rs.getLong("price_cents")))
                .optional();
    }
}
