package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A list of one owner's rows sorted by when they changed, either way, is read from the owner's index, not sorted: the
 * plan PostgreSQL makes for it has no sort while sorting is all but forbidden ({@code enable_sort = off} still sorts
 * when nothing else gives the order).
 */
@EndToEndTest
class ListOrderTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest
    @CsvSource({
        "offers.offer, seller_party_id, true",
        "offers.offer, seller_party_id, false",
        "resale.authorization, manufacturer_party_id, true",
        "resale.authorization, manufacturer_party_id, false",
        "offers.offer_set, owner_party_id, true",
        "offers.offer_set, owner_party_id, false"
    })
    void anOwnersRowsByLastChangeComeFromItsIndexInEitherDirection(String table, String owner, boolean ascending) {
        var order = ListOrder.notNull("last_modified_at").sql(ascending);

        var plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_sort = off").update();
            return jdbc.sql("EXPLAIN (FORMAT JSON) SELECT id FROM %s WHERE %s = CAST(:owner AS uuid) %s LIMIT 26"
                            .formatted(table, owner, order))
                    .param("owner", UUID.randomUUID().toString())
                    .query(String.class)
                    .single();
        });

        assertThat(plan).as(order).contains("Index").doesNotContain("Sort\"");
    }
}
