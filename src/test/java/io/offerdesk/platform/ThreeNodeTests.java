package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.ledger.LedgerInvariants;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.platform.internal.events.FailedPublicationResubmission;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.OtherNode;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Three application nodes on one PostgreSQL (issue #11, ADR 0043): this test's application (node A, on the JVM's
 * embedded PostgreSQL) and two more started here (B and C: their own HTTP port, scheduler, pools and caches), which use
 * that PostgreSQL as an external database and run due work every half second while A travels in time. Change sets go to
 * different nodes at once, agreements are invoiced, paid and disbursed, and offer releases are sent to a webhook
 * receiver; every effect happens once, whichever node did it. A session made on A works on B and C.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 68)
@EndToEndTest
class ThreeNodeTests {

    static final String OPERATOR = CollectionFixtures.OPERATOR;
    static final String ACME_ADMIN = "admin@acme.example";
    static final String ACME_FINANCE = "finance@acme.example";
    static final String DEMO_PASSWORD = "offerdesk-demo";
    /** A well-formed IBAN (the standard's German example). */
    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    static final int OFFERS_PER_NODE = 2;
    static final List<String> INSTALLMENTS = List.of("100.00", "50.00");

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    FailedPublicationResubmission resubmission;

    @Test
    void threeNodesOnOneDatabaseDoEveryEffectOnce() throws Exception {
        try (var b = node();
                var c = node();
                var receiver = WebhookReceiver.started()) {
            var nodes = List.of(api, api.at(b), api.at(c));
            var a = new CollectionFixtures(nodes.get(0), jdbc);

            aSessionMadeOnOneNodeWorksOnTheOthers(nodes);

            var endpoint = nodes.get(2).post("/api/v1/webhooks/endpoints", ACME_ADMIN, """
                    {"url":"%s","eventTypes":["offer.released"]}""".formatted(receiver.url()));
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
            var endpointId = endpoint.json().at("/id").asString();

            // Change sets submitted to all three nodes at once, each applied by whichever node claims it.
            var buyer = a.buyer();
            var offers = concurrently(nodes.stream()
                    .flatMap(node -> IntStream.range(0, OFFERS_PER_NODE)
                            .mapToObj(i -> (Callable<String>) () -> new CollectionFixtures(node, jdbc)
                                    .installmentOffer(buyer.accountId(), INSTALLMENTS.size(), INSTALLMENTS)))
                    .toList());
            assertThat(offers).doesNotHaveDuplicates().hasSize(3 * OFFERS_PER_NODE);
            assertThat(jdbc.sql("SELECT count(*) FROM offers.offer WHERE ? = ANY (buyer_accounts)")
                            .param(buyer.accountId())
                            .query(Long.class)
                            .single())
                    .as("offers made for the buyer")
                    .isEqualTo(offers.size());
            for (var offer : offers) {
                assertThat(jdbc.sql("""
                                SELECT count(*) FROM changesets.change_set c
                                WHERE status = 'SUCCEEDED'
                                  AND EXISTS (SELECT 1 FROM unnest(c.entity_ids) e WHERE split_part(e, '@', 1) = ?)
                                """).param(offer).query(Long.class).single())
                        .as("the change sets that made and released offer %s", offer)
                        .isOne();
            }

            // Each offer's release reaches the receiver once, in one delivery with one attempt.
            await(() -> delivered(endpointId) == offers.size(), "every release delivered");
            var deliveries = jdbc.sql("""
                            SELECT event_id, attempts,
                                   (SELECT count(*) FROM notifications.webhook_attempt t WHERE t.delivery_id = d.id)
                            FROM notifications.webhook_delivery d WHERE endpoint_id = ?
                            """)
                    .param(endpointId)
                    .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getLong(3)))
                    .list();
            assertThat(deliveries).hasSize(offers.size());
            assertThat(deliveries).allSatisfy(d -> {
                assertThat(d.get(1)).isEqualTo(1);
                assertThat(d.get(2)).isEqualTo(1L);
            });
            var received = receiver.receivedSoFar().stream()
                    .map(WebhookReceiver.Received::eventId)
                    .toList();
            assertThat(received)
                    .containsExactlyInAnyOrderElementsOf(
                            deliveries.stream().map(d -> (String) d.get(0)).toList());

            aFailedPublicationIsResubmittedByOneNode(
                    List.of(
                            resubmission,
                            b.getBean(FailedPublicationResubmission.class),
                            c.getBean(FailedPublicationResubmission.class)),
                    offers.getFirst(),
                    endpointId);
            aContractVersionPublishedOnOneNodeIsKnownToAll(nodes);

            // The buyer accepts on all three nodes; A travels to the first installments while B and C poll.
            var agreements = new ArrayList<String>();
            for (int i = 0; i < offers.size(); i++) {
                agreements.add(new CollectionFixtures(nodes.get(i % 3), jdbc).buy(buyer, offers.get(i)));
            }
            var today = a.today();
            a.advanceTo(today.plusDays(11).atStartOfDay().toInstant(ZoneOffset.UTC));
            await(() -> invoiceLines(agreements) == agreements.size(), "the first installments invoiced");
            everyChargeInvoicedOnceWithOneJournalPerInvoice(agreements);

            // Paid through B; Acme disbursed daily, the clock moved through C this time.
            var invoices = agreements.stream()
                    .flatMap(agreement -> a.invoicesOf(agreement).stream())
                    .distinct()
                    .toList();
            var acme = UUID.fromString(nodes.get(2)
                    .get("/api/v1/parties/me", ACME_FINANCE)
                    .json()
                    .at("/id")
                    .asString());
            var earlier = disbursementsOf(acme);
            var viaB = new CollectionFixtures(nodes.get(1), jdbc);
            for (var invoice : invoices) {
                var open = viaB.balance(buyer.finance(), invoice)
                        .json()
                        .at("/open")
                        .asString();
                var paid = viaB.pay(buyer.finance(), invoice, open, "wire " + invoice);
                assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            }
            var preference =
                    nodes.get(1).put("/api/v1/disbursement-preferences/USD", ACME_FINANCE, """
                    {"frequency":"DAILY","bankAccount":"%s"}""".formatted(IBAN));
            assertThat(preference.status()).as(preference.body()).isEqualTo(200);
            // Paid out on the day of the payments if a node's poll comes after them, else at the next midnight.
            var payoutDay = today.plusDays(12);
            var viaC = new CollectionFixtures(nodes.get(2), jdbc);
            viaC.advanceTo(payoutDay.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60));
            await(() -> disbursementsOf(acme).size() > earlier.size(), "Acme paid out after the payments");

            // The second installments, a month later, with B and C polling again. A starts from where C moved the
            // clock: simulated time is the database's, not the node's.
            var advanced = nodes.get(0)
                    .post(
                            "/api/v1/simulation/clock/advance",
                            OPERATOR,
                            "{\"to\":\"%s\"}"
                                    .formatted(today.plusDays(11)
                                            .plusMonths(1)
                                            .atStartOfDay()
                                            .toInstant(ZoneOffset.UTC)));
            assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
            assertThat(Instant.parse(advanced.json().at("/from").asString()))
                    .isAfterOrEqualTo(
                            payoutDay.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60));
            await(
                    () -> invoiceLines(agreements) == agreements.size() * INSTALLMENTS.size(),
                    "the second installments invoiced");
            everyChargeInvoicedOnceWithOneJournalPerInvoice(agreements);

            // One disbursement per payee and day, each with one journal.
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM disbursement.disbursement
                            WHERE party_id = ? AND due_day IS NOT NULL
                            GROUP BY role, currency, due_day HAVING count(*) > 1
                            """).param(acme).query(Long.class).list()).isEmpty();
            var made = new ArrayList<>(disbursementsOf(acme));
            made.removeAll(earlier);
            assertThat(made)
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(
                                    jdbc.sql("SELECT count(*) FROM ledger.journal_entry WHERE idempotency_key = ?")
                                            .param("disbursement:" + id)
                                            .query(Long.class)
                                            .single())
                            .as("journals of disbursement %s", id)
                            .isOne());
            assertThat(invariants.checkNow().violations()).isEmpty();
        }
    }

    private void aSessionMadeOnOneNodeWorksOnTheOthers(List<TestApi> nodes) {
        var session = new SignedInSession(nodes.get(0), ACME_ADMIN, DEMO_PASSWORD);
        for (var node : nodes) {
            var page = session.on(node).get("/");
            assertThat(page.statusCode())
                    .as("the signed-in home page on " + node.baseUrl())
                    .isEqualTo(200);
        }
        // Without the session's cookie the same page sends to the login form.
        var anonymous = nodes.get(2)
                .send(HttpRequest.newBuilder(URI.create(nodes.get(2).baseUrl() + "/"))
                        .GET());
        assertThat(anonymous.status()).isEqualTo(302);
    }

    /**
     * The webhook outbox's publication of an offer's release, made to look as a listener failure leaves it, is
     * resubmitted by the three nodes at once: one of them resubmits it (the registry counts each resubmission in {@code
     * completion_attempts}), it completes, and the event is still delivered once.
     */
    private void aFailedPublicationIsResubmittedByOneNode(
            List<FailedPublicationResubmission> nodes, String offer, String endpointId) throws Exception {
        var publication =
                jdbc.sql("""
                        SELECT id FROM event_publication
                        WHERE listener_id LIKE '%WebhookOutbox%' AND event_type LIKE '%OfferReleased'
                          AND serialized_event LIKE ? AND completion_date IS NOT NULL
                        """).param("%" + offer + "%").query(UUID.class).list();
        assertThat(publication)
                .as("the webhook outbox's publication of %s's release", offer)
                .hasSize(1);
        var id = publication.getFirst();
        jdbc.sql("""
                        UPDATE event_publication
                        SET status = 'FAILED', completion_date = NULL, completion_attempts = 0,
                            publication_date = publication_date - interval '1 day'
                        WHERE id = ?
                        """).param(id).update();

        concurrently(nodes.stream()
                .map(node -> (Callable<Void>) () -> {
                    node.resubmit();
                    return null;
                })
                .toList());

        await(
                () -> "COMPLETED"
                        .equals(jdbc.sql("SELECT status FROM event_publication WHERE id = ?")
                                .param(id)
                                .query(String.class)
                                .single()),
                "the resubmitted publication completed");
        assertThat(jdbc.sql("SELECT completion_attempts FROM event_publication WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("resubmissions")
                .isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications.webhook_delivery WHERE endpoint_id = ? AND body LIKE ?")
                        .params(endpointId, "%" + offer + "%")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    /**
     * The operator publishes a standard contract version on A; offers naming it are accepted whichever node applies
     * their change set, although every node has applied offer change sets (and read the versions) before.
     */
    private void aContractVersionPublishedOnOneNodeIsKnownToAll(List<TestApi> nodes) throws Exception {
        var version = "s43-" + UUID.randomUUID().toString().substring(0, 8);
        var published = nodes.get(0).post("/api/v1/standard-contracts", OPERATOR, """
                {"title":"%s","version":"%s","body":"# Scale-out addendum"}""".formatted(
                        OfferFixtures.unique("Scale-out addendum"), version));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        var done = concurrently(nodes.stream()
                .map(node -> (Callable<JsonNode>) () -> {
                    var fixtures = new AgreementFixtures(node);
                    return fixtures.offers()
                            .run(
                                    AgreementFixtures.AUTHOR,
                                    List.of(
                                            OfferFixtures.change(
                                                    "CreateOffer",
                                                    null,
                                                    "O",
                                                    "{\"ProductId\":\"" + fixtures.saasProduct() + "\"}"),
                                            OfferFixtures.change(
                                                    "UpdateLegalTerms", "$O.Entity.Identifier", null, """
                                                    {"Terms":[{"Type":"LegalTerm","Documents":[
                                                      {"Type":"StandardEula","Version":"%s"}]}]}""".formatted(
                                                                    version))));
                })
                .toList());
        assertThat(done)
                .allSatisfy(set -> assertThat(set.at("/status").asString())
                        .as(set.toString())
                        .isEqualTo("SUCCEEDED"));
    }

    private void everyChargeInvoicedOnceWithOneJournalPerInvoice(List<String> agreements) {
        var ids = agreements.toArray(String[]::new);
        assertThat(jdbc.sql("""
                        SELECT agreement_id || ' ' || charge_id FROM invoicing.invoice_line WHERE agreement_id = ANY (?)
                        GROUP BY agreement_id, charge_id HAVING count(*) > 1
                        """).param(ids).query(String.class).list())
                .as("charges invoiced twice")
                .isEmpty();
        assertThat(jdbc.sql("""
                        SELECT i.id FROM invoicing.invoice i
                        WHERE EXISTS (SELECT 1 FROM invoicing.invoice_line l
                                      WHERE l.invoice_id = i.id AND l.agreement_id = ANY (?))
                          AND (SELECT count(*) FROM ledger.journal_entry j
                               WHERE j.idempotency_key = 'invoice:' || i.id) <> 1
                        """).param(ids).query(String.class).list())
                .as("invoices without exactly one journal")
                .isEmpty();
    }

    private long invoiceLines(List<String> agreements) {
        return jdbc.sql("SELECT count(*) FROM invoicing.invoice_line WHERE agreement_id = ANY (?)")
                .param(agreements.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private long delivered(String endpointId) {
        return jdbc.sql("SELECT count(*) FROM notifications.webhook_delivery WHERE endpoint_id = ? AND state = ?")
                .params(endpointId, "DELIVERED")
                .query(Long.class)
                .single();
    }

    private List<String> disbursementsOf(UUID party) {
        return jdbc.sql("SELECT id FROM disbursement.disbursement WHERE party_id = ?")
                .param(party)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    /** Another node on this test's database, running due work every half second, alongside node A's time travel. */
    private ConfigurableApplicationContext node() {
        return OtherNode.on(
                dataSource, "--spring.datasource.hikari.maximum-pool-size=10", "--offerdesk.jobs.poll-interval=PT0.5S");
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<T>>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** Waits, as a client polls, until the condition holds; fails after a minute. */
    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within a minute: " + what);
    }
}
