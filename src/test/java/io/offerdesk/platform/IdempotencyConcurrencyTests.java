package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.metering.MeteringFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client that retries hard: 100 identical requests with one {@code Idempotency-Key}, all at once, for every family
 * of POSTs that creates something or moves money. Each family has its effect once; every answer is the success, a
 * replay of it, or the 409 "still running" (DESIGN §4), never a server fault.
 */
@EndToEndTest
// Moves the simulated clock: the payment family needs an invoice, which is issued when its installment falls due.
@Order(Order.DEFAULT + 70)
class IdempotencyConcurrencyTests {

    static final int REQUESTS = 100;
    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String ACME_ADMIN = "admin@acme.example";
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    AgreementFixtures agreements;

    @BeforeEach
    void fixtures() {
        agreements = new AgreementFixtures(api);
    }

    @Test
    void productsAreCreatedOnce() {
        var title = OfferFixtures.unique("Hundredfold product");
        fire("/api/v1/products", AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"Idempotent","fulfillmentUrl":"https://x.example/",
                 "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}]}""".formatted(title));

        assertThat(count("SELECT count(*) FROM catalog.product WHERE title = ?", title))
                .isOne();
    }

    @Test
    void changeSetsAreStartedOnceAndReleaseOneOffer() {
        var name = OfferFixtures.unique("Hundredfold offer");
        var changes = agreements.offers().privateOffer(agreements.saasProduct(), name, GLOBEX_ACCOUNT, null);
        var started = fire("/api/v1/change-sets", AUTHOR, OfferFixtures.set(changes));

        var done = api.finishedChangeSet(AUTHOR, started);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(count("SELECT count(*) FROM changesets.change_set WHERE changes::text LIKE ?", "%" + name + "%"))
                .isOne();
        assertThat(count("SELECT count(*) FROM offers.offer WHERE name = ?", name))
                .isOne();
    }

    @Test
    void agreementRequestsAreMadeOnce() {
        var offer = agreements.installmentOffer(agreements.saasProduct(), GLOBEX_ACCOUNT);
        fire("/api/v1/buyer/agreement-requests", GLOBEX, """
                {"offerId":"%s","accountId":"%s"}""".formatted(offer, GLOBEX_ACCOUNT));

        assertThat(count("SELECT count(*) FROM agreements.agreement_request WHERE offer_id = ?", offer))
                .isOne();
    }

    @Test
    void anOfferIsAcceptedOnce() {
        var offer = agreements.installmentOffer(agreements.saasProduct(), GLOBEX_ACCOUNT);
        var quote = agreements.quote(GLOBEX, offer, GLOBEX_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var request = quote.json().at("/agreementRequestId").asString();

        fire("/api/v1/buyer/agreement-requests/" + request + "/accept", GLOBEX, "{\"eulaAcknowledged\":true}");

        assertThat(count("SELECT count(*) FROM agreements.agreement WHERE offer_id = ?", offer))
                .isOne();
        assertThat(count(
                        "SELECT count(*) FROM agreements.charge WHERE agreement_id IN"
                                + " (SELECT id FROM agreements.agreement WHERE offer_id = ?)",
                        offer))
                .isEqualTo(12);
    }

    @Test
    void usageIsMeteredOnce() {
        var metering = new MeteringFixtures(api);
        var ami = metering.meteredAmi();
        metering.boughtByGlobex(ami);
        var hourAgo = metering.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        fire("/api/v1/metering/meter-usage", GLOBEX, """
                {"productCode":"%s","timestamp":"%s","usageDimension":"analysts","usageQuantity":7,
                 "customerAwsAccountId":"%s"}""".formatted(ami, hourAgo, GLOBEX_ACCOUNT));

        assertThat(count("SELECT coalesce(sum(quantity), 0) FROM metering.usage_record WHERE product_id = ?", ami))
                .isEqualTo(7);
    }

    @Test
    void anInvoiceIsPaidOnce() {
        var collections = new CollectionFixtures(api, jdbc);
        var buyer = collections.buyer();
        var agreement =
                collections.buy(buyer, collections.installmentOffer(buyer.accountId(), 2, List.of("150.00", "150.00")));
        var first = collections.charges(buyer.procurement(), agreement).getFirst();
        var due = Instant.parse(first.at("/time").asString()).plus(Duration.ofHours(1));
        if (due.isAfter(collections.now())) {
            collections.advanceTo(due);
        }
        var invoice = collections
                .invoiceOf(agreement, first.at("/id").asString())
                .orElseThrow(() -> new AssertionError("the first installment was not invoiced"));

        fire("/api/v1/invoices/" + invoice + "/payments", buyer.finance(), """
                {"amount":"150.00","currencyCode":"USD","reference":"one wire, sent a hundred times"}""");

        assertThat(count("SELECT count(*) FROM invoicing.payment WHERE invoice_id = ?", invoice))
                .isOne();
        assertThat(collections
                        .balance(buyer.finance(), invoice)
                        .json()
                        .at("/paid")
                        .asString())
                .isEqualTo("150.00");
    }

    @Test
    void anInvoicingRunIsStartedOnce() {
        var before = new CollectionFixtures(api, jdbc).now();
        var started = fire("/api/v1/invoicing/runs", CollectionFixtures.OPERATOR, "");

        // one run, the one every answer names (each charge is on one invoice line by the schema's unique index)
        assertThat(started.json().at("/id").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT id FROM invoicing.run WHERE started_by IS NOT NULL AND started_at >= ?")
                        .param(Timestamp.from(before))
                        .query(String.class)
                        .list())
                .containsExactly(started.json().at("/id").asString());
    }

    @Test
    void webhookEndpointsAreRegisteredOnce() {
        var url = "https://receiver.example/hooks/" + UUID.randomUUID();
        fire("/api/v1/webhooks/endpoints", ACME_ADMIN, """
                {"url":"%s","eventTypes":["offer.released"]}""".formatted(url));

        assertThat(count("SELECT count(*) FROM notifications.webhook_endpoint WHERE url = ?", url))
                .isOne();
    }

    @Test
    void aDisbursementRunPaysEachPayeeOnce() {
        fire(
                "/api/v1/disbursements/runs",
                CollectionFixtures.OPERATOR,
                "",
                run -> run.json().at("/paid").asInt() > 0);

        assertThat(jdbc.sql("""
                        SELECT party_id FROM disbursement.disbursement WHERE retry_of IS NULL
                        GROUP BY party_id, currency, due_day HAVING count(*) > 1
                        """).query(String.class).list()).isEmpty();
    }

    /**
     * Sends the same POST with the same key {@value #REQUESTS} times at once and checks the answers: one success,
     * repeated byte for byte by every replay, and otherwise only 409 "still running"; the key marked "effect committed" by
     * the effect's own commit. Returns the success.
     */
    Reply fire(String path, String email, String body) {
        return fire(path, email, body, success -> true);
    }

    /** As {@link #fire(String, String, String)}, for a request that may find nothing to do and then marks nothing. */
    Reply fire(String path, String email, String body, Predicate<Reply> tookEffect) {
        var key = UUID.randomUUID().toString();
        api.keyOf(email);
        var start = new CountDownLatch(1);
        var replies = Collections.synchronizedList(new ArrayList<Reply>());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var sent = new ArrayList<Future<?>>();
            for (var i = 0; i < REQUESTS; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    replies.add(api.send(api.request(path, email)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(body))));
                    return null;
                }));
            }
            start.countDown();
            for (var request : sent) {
                request.get();
            }
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }

        assertThat(replies).hasSize(REQUESTS);
        var answered = replies.stream().filter(r -> r.status() != 409).toList();
        var stillRunning = replies.stream().filter(r -> r.status() == 409).toList();
        assertThat(answered).as("successes and replays").isNotEmpty();
        var success = answered.getFirst();
        assertThat(success.status()).as(success.body()).isBetween(200, 299);
        assertThat(answered).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(success.status());
            assertThat(reply.body()).isEqualTo(success.body());
        });
        assertThat(stillRunning)
                .allSatisfy(reply -> assertThat(reply.json().at("/type").asString())
                        .as(reply.body())
                        .endsWith("idempotencyKey.inProgress"));
        if (tookEffect.test(success)) {
            assertThat(count(
                            "SELECT count(*) FROM platform.idempotent_request WHERE key = ?"
                                    + " AND effect_committed_at IS NOT NULL",
                            key))
                    .as("the effect's own commit marked the key, so a retry after a crash cannot run it again"
                            + " (ADR 0051)")
                    .isOne();
        }
        return success;
    }

    long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }
}
