package io.txlab.order.ordering.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.txlab.devstack.ThrowawaySchema;
import io.txlab.order.ordering.domain.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Against a real MariaDB (this machine's on 3306, else an embedded one: {@link ThrowawaySchema}), in a throwaway
 * schema.
 */
class JdbcProductCatalogueIT {

    private static ThrowawaySchema schema;
    private static JdbcClient jdbc;

    @BeforeAll
    static void createSchema() {
        schema = ThrowawaySchema.migratedFor("order");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void aPriceChangedInTheDatabaseIsQuotedOnceTheCachedQuoteIsStale() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-22T08:00:00Z"));
        JdbcProductCatalogue catalogue = new JdbcProductCatalogue(jdbc, clock);
        assertThat(catalogue.find(4)).map(Product::priceCents).contains(1990L);

        jdbc.sql("UPDATE product SET price_cents = 2190 WHERE product_id = 4").update();
        clock.advance(JdbcProductCatalogue.FRESH_FOR.minusMillis(1));
        assertThat(catalogue.find(4)).as("still fresh: the cached quote").map(Product::priceCents).contains(1990L);

        clock.advance(Duration.ofMillis(1));
        assertThat(catalogue.find(4)).as("stale: read again").map(Product::priceCents).contains(2190L);
    }

    @Test
    void anUnknownProductIsNotCachedSoAProductAddedLaterIsFound() {
        JdbcProductCatalogue catalogue = new JdbcProductCatalogue(jdbc, new MovableClock(Instant.now()));
        assertThat(catalogue.find(900)).isEmpty();

        jdbc.sql("INSERT INTO product (product_id, name, price_cents) VALUES (900, 'Late arrival', 500)").update();

        assertThat(catalogue.find(900)).map(Product::name).contains("Late arrival");
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
