package io.offerdesk.platform.internal.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leased Idempotency-Key claims (ADR 0051): a claim whose node died is taken over by exactly one retry once its lease
 * lapses, unless the request's effect had committed (then the retry is told so and nothing runs again); a request
 * that is still running keeps renewing its claim, however long it takes.
 */
@EndToEndTest
class IdempotencyLeaseTests {

    static final String AUTHOR = "author@acme.example";
    static final String PATH = "/api/v1/products";

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    IdempotentRequests requests;

    @Autowired
    Clock clock;

    TestApi.Reply post(String key, String body) {
        // A bounded wait: were a live request's claim taken over, the retry would wait for the audit head this test
        // holds, and the test would fail instead of hanging.
        return api.send(api.request(PATH, AUTHOR)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String product(String title) {
        return """
                {"type":"SAAS","title":"%s","shortDescription":"Leased","fulfillmentUrl":"https://x.example/",
                 "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}]}""".formatted(title);
    }

    /** Claims the key as a node would just before it died: nobody renews this claim. */
    void claimAsADeadNode(String key, String body) {
        var author = jdbc.sql("SELECT id FROM parties.app_user WHERE email = ?")
                .param(AUTHOR)
                .query(UUID.class)
                .single();
        var fingerprint = IdempotencyFilter.fingerprint("POST", PATH, null, body.getBytes(StandardCharsets.UTF_8));
        assertThat(requests.claim(author, key, fingerprint, clock.instant(), UUID.randomUUID(), Duration.ofHours(1)))
                .isTrue();
    }

    /** What an hour without renewals does to the dead node's lease. */
    void leaseLapses(String key) {
        jdbc.sql("""
                        UPDATE platform.idempotent_request SET lease_until = clock_timestamp() - interval '1 second'
                        WHERE key = ?""").param(key).update();
    }

    long products(String title) {
        return jdbc.sql("SELECT count(*) FROM catalog.product WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    @Test
    void aClaimWhoseNodeDiedIsTakenOverByOneRetryOnceItsLeaseLapses() throws Exception {
        var key = UUID.randomUUID().toString();
        var title = "Taken over " + key;
        var body = product(title);
        claimAsADeadNode(key, body);

        var whileLeased = post(key, body);
        assertThat(whileLeased.status()).isEqualTo(409);
        assertThat(whileLeased.json().at("/type").asString()).endsWith("idempotencyKey.inProgress");

        leaseLapses(key);
        assertThat(effectCommitted(key)).as("the dead node committed nothing").isFalse();
        var retries = new ArrayList<Callable<TestApi.Reply>>();
        for (var i = 0; i < 20; i++) {
            retries.add(() -> post(key, body));
        }
        var ids = new ArrayList<String>();
        try (var clients = Executors.newFixedThreadPool(20)) {
            for (var answer : clients.invokeAll(retries)) {
                var reply = answer.get();
                // The one retry that took the claim over, replays of its answer, or "still running" while it ran.
                assertThat(reply.status()).isIn(201, 409);
                if (reply.status() == 201) {
                    ids.add(reply.json().at("/id").asString());
                }
            }
        }

        assertThat(ids).isNotEmpty();
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(products(title)).isEqualTo(1);
        assertThat(post(key, body).json().at("/id").asString()).isEqualTo(ids.getFirst());
    }

    @Test
    void aClaimWhoseNodeDiedAfterItsEffectCommittedIsNotRunAgain() throws Exception {
        var key = UUID.randomUUID().toString();
        var title = "Committed then died " + key;
        var body = product(title);
        assertThat(post(key, body).status()).isEqualTo(201);
        assertThat(effectCommitted(key))
                .as("marked by the request's own transaction")
                .isTrue();
        diedBeforeRememberingTheAnswer(key);

        var retries = new ArrayList<Callable<TestApi.Reply>>();
        for (var i = 0; i < 10; i++) {
            retries.add(() -> post(key, body));
        }
        try (var clients = Executors.newFixedThreadPool(10)) {
            for (var answer : clients.invokeAll(retries)) {
                var reply = answer.get();
                assertThat(reply.status()).isEqualTo(409);
                assertThat(reply.json().at("/type").asString()).endsWith("idempotencyKey.effectCommitted");
            }
        }

        assertThat(products(title)).isEqualTo(1);
    }

    @Test
    void aRequestWhoseTransactionRolledBackLeavesNoMark() {
        var key = UUID.randomUUID().toString();
        var invalid = "{\"type\":\"SAAS\",\"title\":\"\"}";

        assertThat(post(key, invalid).status()).isEqualTo(422);

        assertThat(effectCommitted(key)).isFalse();
        assertThat(post(key, invalid).status()).as("the remembered answer").isEqualTo(422);
    }

    /**
     * What a node that committed the request's effect and died before storing its answer leaves: the claim without
     * an answer, and (once nobody renews it) a lapsed lease.
     */
    void diedBeforeRememberingTheAnswer(String key) {
        jdbc.sql("""
                        UPDATE platform.idempotent_request
                        SET status = NULL, content_type = NULL, body = NULL,
                            lease_until = clock_timestamp() - interval '1 second'
                        WHERE key = ?""").param(key).update();
    }

    boolean effectCommitted(String key) {
        return jdbc.sql("SELECT effect_committed_at IS NOT NULL FROM platform.idempotent_request WHERE key = ?")
                .param(key)
                .query(Boolean.class)
                .single();
    }

    @Test
    void aLapsedClaimOnAnotherRequestIsNotTakenOver() {
        var key = UUID.randomUUID().toString();
        claimAsADeadNode(key, product("Dead " + key));
        leaseLapses(key);

        var other = post(key, product("Other " + key));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().at("/type").asString()).endsWith("idempotencyKey.reused");
        assertThat(products("Other " + key)).isZero();
    }

    @Test
    void aLiveRequestKeepsItsClaimLongerThanOneLease() throws Exception {
        var key = UUID.randomUUID().toString();
        var title = "Long running " + key;
        var body = product(title);
        CompletableFuture<TestApi.Reply> first;
        TestApi.Reply retry;
        try (var connection = dataSource.getConnection()) {
            // Holding the audit chain's head keeps the product's creation waiting for as long as this test likes.
            connection.setAutoCommit(false);
            connection.createStatement().execute("SELECT last_hash FROM audit.chain_head WHERE id = 1 FOR UPDATE");
            first = CompletableFuture.supplyAsync(() -> post(key, body));
            var firstLease = awaitClaim(key);
            awaitDatabaseClockPast(firstLease);

            retry = post(key, body);
            assertThat(first).as("the first request still runs").isNotDone();
            assertThat(leaseOf(key)).as("renewed").isAfter(firstLease);
            connection.rollback();
        }

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().at("/type").asString()).endsWith("idempotencyKey.inProgress");
        var created = first.get();
        assertThat(created.status()).isEqualTo(201);
        assertThat(post(key, body).json().at("/id").asString())
                .isEqualTo(created.json().at("/id").asString());
        assertThat(products(title)).isEqualTo(1);
    }

    Timestamp leaseOf(String key) {
        return jdbc.sql("SELECT lease_until FROM platform.idempotent_request WHERE key = ?")
                .param(key)
                .query(Timestamp.class)
                .single();
    }

    Timestamp awaitClaim(String key) throws InterruptedException {
        for (var tries = 0; tries < 2_000; tries++) {
            var lease = jdbc.sql("SELECT lease_until FROM platform.idempotent_request WHERE key = ?")
                    .param(key)
                    .query(Timestamp.class)
                    .optional();
            if (lease.isPresent()) {
                return lease.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the request never claimed its key");
    }

    /** Until the first lease would have lapsed, had nobody renewed it (real time: leases use the database's clock). */
    void awaitDatabaseClockPast(Timestamp moment) throws InterruptedException {
        while (jdbc.sql("SELECT clock_timestamp() <= ?")
                .param(moment)
                .query(Boolean.class)
                .single()) {
            Thread.sleep(100);
        }
    }
}
