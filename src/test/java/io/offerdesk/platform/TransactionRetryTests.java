package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real deadlock on the real PostgreSQL, through a real request: the request is retried as a whole, counted, and
 * has its effect once.
 */
@EndToEndTest
class TransactionRetryTests {

    static final String AUTHOR = "author@acme.example";
    static final Pattern RETRIED = Pattern.compile(
            "offerdesk_transaction_retries_total\\{cause=\"deadlock\",outcome=\"retried\"[^}]*} (\\S+)");

    @Autowired
    TestApi api;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeadlockedRequestIsRetriedCountedAndTakesEffectOnce() throws Exception {
        var created = api.post("/api/v1/products", AUTHOR, """
                {"type":"SAAS","title":"Deadlock %s","shortDescription":"Retried",
                 "fulfillmentUrl":"https://x.example/",
                 "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}]}""".formatted(UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        var id = created.json().at("/id").asString();
        var retriedBefore = retriedDeadlocks();

        // Whether PostgreSQL picks the request or this test as the victim depends on which of the two checks for a
        // deadlock first; the request waits first, so it nearly always is. When it is not, the round proves
        // nothing, and the next round updates the product again.
        var rounds = 0;
        var version = created.json().at("/version").asLong();
        var retried = false;
        while (!retried && rounds++ < 5) {
            var outcome = deadlockAnUpdate(id, version);
            assertThat(outcome.reply().status()).isEqualTo(200);
            assertThat(outcome.reply().json().at("/version").asLong()).isEqualTo(version + 1);
            version++;
            retried = outcome.requestWasTheVictim();
        }

        assertThat(retried).isTrue();
        assertThat(retriedDeadlocks()).isGreaterThan(retriedBefore);
        // One effect per request: the product moved one version per update and the audit trail has one entry each.
        assertThat(jdbc.sql("SELECT version FROM catalog.product WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(version);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE entity_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(version);
    }

    record Outcome(TestApi.Reply reply, boolean requestWasTheVictim) {}

    /**
     * Holds the audit chain's head, lets the update lock its product row and then wait for the head, and updates that
     * row: each transaction now waits for the other.
     */
    Outcome deadlockAnUpdate(String id, long version) throws Exception {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var me = backendOf(connection);
            connection.createStatement().execute("SELECT last_hash FROM audit.chain_head WHERE id = 1 FOR UPDATE");
            var update = CompletableFuture.supplyAsync(
                    () -> api.put("/api/v1/products/" + id, AUTHOR, """
                    {"version":%d,"title":"Deadlocked %d","shortDescription":"Retried",
                     "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}],
                     "delivery":{"fulfillmentUrl":"https://x.example/"}}""".formatted(version, version)));
            awaitUpdateWaitingFor(me);
            var victim = false;
            try {
                connection
                        .createStatement()
                        .executeUpdate("UPDATE catalog.product SET version = version WHERE id = '" + id + "'");
            } catch (SQLException deadlock) {
                assertThat(deadlock.getSQLState()).isEqualTo("40P01");
                victim = true;
            }
            connection.rollback();
            return new Outcome(update.get(), !victim);
        }
    }

    /** Until a backend that has written to catalog.product waits for this test's connection. */
    void awaitUpdateWaitingFor(int me) throws InterruptedException {
        for (var tries = 0; tries < 2_000; tries++) {
            var waiting = jdbc.sql("""
                            SELECT count(*) FROM pg_locks
                            WHERE relation = 'catalog.product'::regclass AND mode = 'RowExclusiveLock'
                              AND :me = ANY (pg_blocking_pids(pid))
                            """).param("me", me).query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the update never waited for the audit chain's head");
    }

    static int backendOf(Connection connection) throws SQLException {
        try (var result = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    double retriedDeadlocks() {
        var matcher = RETRIED.matcher(api.get("/actuator/prometheus", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
