package io.txlab.support.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.txlab.devstack.ThrowawaySchema;
import io.txlab.support.consume.ConsumedMessages.Delivered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch's dedup rows on a real MariaDB (this machine's on 3306, else an embedded one: {@link ThrowawaySchema}):
 * one multi-row statement tells first deliveries from rows that were there, and counts each of those once.
 * (In support's package; inventory supplies the schema.)
 */
class JdbcConsumedMessagesIT {

    private static final String CONSUMER = "txlab-inventory";

    private static ThrowawaySchema schema;

    private JdbcConsumedMessages consumed;

    @BeforeAll
    static void createSchema() {
        schema = ThrowawaySchema.migratedFor("inventory");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        schema.jdbc().sql("DELETE FROM consumed_message").update();
        consumed = new JdbcConsumedMessages(schema.jdbc());
    }

    @Test
    void aBatchOfFirstDeliveriesWritesEveryRowAndReportsNoDuplicate() {
        assertThat(consumed.recordAllOrCountDuplicates(CONSUMER, deliveries("k-1", "k-2", "k-3"))).isEmpty();

        assertThat(duplicates("k-1")).isZero();
        assertThat(duplicates("k-2")).isZero();
        assertThat(duplicates("k-3")).isZero();
        assertThat(schema.jdbc().sql("SELECT order_id FROM consumed_message WHERE dedup_key = 'k-2'")
                .query(String.class).single()).isEqualTo("order-k-2");
    }

    @Test
    void rowsThatWereThereAreReportedAndCountedAndTheOthersWritten() {
        consumed.recordOrCountDuplicate(CONSUMER, "k-2", "order-k-2");
        consumed.recordAllOrCountDuplicates(CONSUMER, deliveries("k-4"));

        assertThat(consumed.recordAllOrCountDuplicates(CONSUMER, deliveries("k-1", "k-2", "k-3", "k-4")))
                .containsExactlyInAnyOrder("k-2", "k-4");

        assertThat(duplicates("k-1")).isZero();
        assertThat(duplicates("k-2")).isEqualTo(1);
        assertThat(duplicates("k-3")).isZero();
        assertThat(duplicates("k-4")).isEqualTo(1);
    }

    @Test
    void eachBatchReportsOnlyTheDuplicatesItMetItself() {
        consumed.recordAllOrCountDuplicates(CONSUMER, deliveries("k-1", "k-2"));
        assertThat(consumed.recordAllOrCountDuplicates(CONSUMER, deliveries("k-1", "k-3"))).containsExactly("k-1");

        assertThat(consumed.recordAllOrCountDuplicates(CONSUMER, deliveries("k-2", "k-4"))).containsExactly("k-2");
        assertThat(consumed.recordAllOrCountDuplicates("txlab-another-consumer", deliveries("k-1"))).isEmpty();
        assertThat(duplicates("k-1")).isEqualTo(1);
    }

    private static List<Delivered> deliveries(String... keys) {
        return java.util.Arrays.stream(keys).map(key -> new Delivered(key, "order-" + key)).toList();
    }

    private static int duplicates(String key) {
        return schema.jdbc().sql("SELECT duplicates FROM consumed_message WHERE consumer = :consumer AND dedup_key = :key")
                .param("consumer", CONSUMER)
                .param("key", key)
                .query(Integer.class)
                .single();
    }
}
