package io.offerdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository;
import io.offerdesk.platform.OfferdeskSignature;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.WebhookReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks end to end, with a local HTTP server as the receiver: a released offer arrives signed; a receiver
 * outage is retried until it answers; the last failed attempt dead-letters; replay sends again; a worker that dies
 * mid-batch loses nothing; only the owning party's administrators see endpoints and deliveries.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 34)
@EndToEndTest
class WebhooksTests {

    static final String ADMIN = "admin@acme.example";
    static final String OPERATOR = "operator@offerdesk.example";
    static final String OTHER_SELLER = "admin@nimbus.example";

    @Autowired
    TestApi api;

    @Autowired
    WebhookRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    final List<String> endpoints = new ArrayList<>();
    AgreementFixtures fixtures;
    WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        fixtures = new AgreementFixtures(api);
        receiver = WebhookReceiver.started();
    }

    /** Offers other test classes release later must not keep this test's stopped receivers busy. */
    @AfterEach
    void deactivate() {
        receiver.close();
        for (var id : endpoints) {
            api.put("/api/v1/webhooks/endpoints/" + id, ADMIN, """
                    {"url":"%s","eventTypes":["offer.released"],"active":false}""".formatted(url()));
        }
    }

    @Test
    void aReleasedOfferArrivesSignedWithTheEndpointsSecret() throws InterruptedException {
        var endpoint = endpoint();
        var secret = endpoint.at("/secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/webhooks/endpoints/" + endpoint.at("/id").asString(), ADMIN)
                        .json()
                        .at("/secret")
                        .isNull())
                .as("the secret is shown once")
                .isTrue();

        var offer = fixtures.installmentOffer(fixtures.saasProduct(), AgreementFixtures.GLOBEX_ACCOUNT);

        var arrived = receiver.awaitOffer(offer);
        assertThat(OfferdeskSignature.verify(
                        secret,
                        arrived.signature(),
                        arrived.body(),
                        Clock.systemUTC().instant()))
                .as(arrived.signature())
                .isTrue();
        assertThat(arrived.eventType()).isEqualTo("offer.released");
        var body = json.readTree(arrived.body());
        assertThat(body.at("/id").asString()).isEqualTo(arrived.eventId());
        assertThat(body.at("/type").asString()).isEqualTo("offer.released");
        assertThat(body.at("/data/buyerAccounts/0").asString()).isEqualTo(AgreementFixtures.GLOBEX_ACCOUNT);

        var delivery = awaitDelivery(
                endpoint.at("/id").asString(), d -> d.at("/state").asString().equals("DELIVERED"));
        var log = api.get("/api/v1/webhooks/deliveries/" + delivery.at("/id").asString(), ADMIN);
        assertThat(log.json().at("/attempts/0/statusCode").asInt()).isEqualTo(200);
        assertThat(log.json().at("/body").asString()).isEqualTo(arrived.body());

        assertThat(api.get("/api/v1/webhooks/deliveries/" + delivery.at("/id").asString(), OTHER_SELLER)
                        .status())
                .as("another seller's delivery")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks/endpoints/" + endpoint.at("/id").asString(), OTHER_SELLER)
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/webhooks/deliveries/"
                                        + delivery.at("/id").asString() + "/replay",
                                OTHER_SELLER,
                                "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks/endpoints", AgreementFixtures.AUTHOR)
                        .status())
                .as("an offer author is no administrator")
                .isEqualTo(403);
    }

    @Test
    void aRotatedSecretSignsTheNextDeliveryAndTheOldOneNoLonger() throws InterruptedException {
        var endpoint = endpoint();
        var old = endpoint.at("/secret").asString();
        var rotated =
                api.post("/api/v1/webhooks/endpoints/" + endpoint.at("/id").asString() + "/rotate-secret", ADMIN, "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        var secret = rotated.json().at("/secret").asString();

        var arrived = receiver.awaitOffer(
                fixtures.installmentOffer(fixtures.saasProduct(), AgreementFixtures.GLOBEX_ACCOUNT));

        var now = Clock.systemUTC().instant();
        assertThat(OfferdeskSignature.verify(secret, arrived.signature(), arrived.body(), now))
                .isTrue();
        assertThat(OfferdeskSignature.verify(old, arrived.signature(), arrived.body(), now))
                .isFalse();
    }

    @Test
    void endpointsNeedAnHttpsUrlAndEventTypesOfTheCatalog() {
        var http = api.post("/api/v1/webhooks/endpoints", ADMIN, """
                {"url":"http://receiver.example/hooks","eventTypes":["offer.released"]}""");
        assertThat(http.status()).as(http.body()).isEqualTo(422);
        assertThat(http.body()).contains("url");

        var unknown = api.post("/api/v1/webhooks/endpoints", ADMIN, """
                {"url":"https://receiver.example/hooks","eventTypes":["offer.teleported"]}""");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.body()).contains("eventTypes").contains("offer.teleported");

        assertThat(api.get("/api/v1/webhooks/event-types", ADMIN)
                        .json()
                        .at("/eventTypes")
                        .toString())
                .contains("offer.released", "agreement.accepted", "invoice.paid", "disbursement.failed");
    }

    @Test
    void aReceiverOutageIsRetriedUntilItAnswers() throws InterruptedException {
        receiver.answer(503);
        var endpoint = endpoint().at("/id").asString();
        var offer = fixtures.installmentOffer(fixtures.saasProduct(), AgreementFixtures.GLOBEX_ACCOUNT);
        var failed = receiver.awaitOffer(offer);
        var pending = awaitDelivery(endpoint, d -> d.at("/attempts").asInt() == 1 && attempts(d) == 1);
        assertThat(pending.at("/state").asString()).isEqualTo("PENDING");

        receiver.answer(200);
        advance("PT2M");

        var delivered = receiver.awaitOffer(offer);
        assertThat(delivered.eventId()).isEqualTo(failed.eventId());
        var log = api.get("/api/v1/webhooks/deliveries/" + pending.at("/id").asString(), ADMIN)
                .json();
        assertThat(log.at("/delivery/state").asString()).isEqualTo("DELIVERED");
        assertThat(statusCodes(log)).containsExactly(503, 200);
    }

    @Test
    void theLastFailedAttemptDeadLettersAndReplayDeliversAgain() throws InterruptedException {
        receiver.answer(500);
        var endpoint = endpoint().at("/id").asString();
        var offer = fixtures.installmentOffer(fixtures.saasProduct(), AgreementFixtures.GLOBEX_ACCOUNT);
        var first = receiver.awaitOffer(offer);
        var pending = awaitDelivery(endpoint, d -> attempts(d) == 1);
        var id = pending.at("/id").asString();

        advance("P4D");

        var dead = api.get("/api/v1/webhooks/deliveries/" + id, ADMIN).json();
        assertThat(dead.at("/delivery/state").asString()).isEqualTo("DEAD");
        var attempts = dead.at("/attempts");
        assertThat(attempts.size())
                .as("retried with backoff, not once a minute")
                .isBetween(10, 30);
        var lastAttempt = Instant.parse(
                attempts.get(attempts.size() - 1).at("/attemptedAt").asString());
        var secondLast = Instant.parse(
                attempts.get(attempts.size() - 2).at("/attemptedAt").asString());
        assertThat(lastAttempt)
                .as("retried for at least 72 hours")
                .isAfterOrEqualTo(
                        Instant.parse(dead.at("/delivery/createdAt").asString()).plus(Duration.ofHours(72)));
        assertThat(secondLast)
                .isBefore(Instant.parse(dead.at("/delivery/giveUpAt").asString()));
        assertThat(statusCodes(dead)).containsOnly(500);

        receiver.answer(200);
        receiver.clear();
        var replay = api.post("/api/v1/webhooks/deliveries/" + id + "/replay", ADMIN, "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(replay.json().at("/replayOf").asString()).isEqualTo(id);
        assertThat(replay.json().at("/eventId").asString()).isEqualTo(first.eventId());

        var again = receiver.awaitOffer(offer);
        assertThat(again.eventId()).isEqualTo(first.eventId());
        var replayed = awaitDelivery(
                endpoint,
                d -> d.at("/id").asString().equals(replay.json().at("/id").asString())
                        && d.at("/state").asString().equals("DELIVERED"));
        assertThat(replayed.at("/attempts").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/webhooks/deliveries/" + id, ADMIN)
                        .json()
                        .at("/delivery/state")
                        .asString())
                .as("the dead delivery stays in the log as it was")
                .isEqualTo("DEAD");
    }

    @Test
    void theSimulatedClockSendsAnIssuedInvoiceOnceThoughTheReceiverTakesASecond() throws InterruptedException {
        var endpoint = endpoint("invoice.issued").at("/id").asString();
        var collections = new CollectionFixtures(api, jdbc);
        var buyer = collections.buyer();
        var agreement = collections.buy(
                buyer, collections.installmentOffer(buyer.accountId(), 12, List.of("1000.00", "1000.00")));
        var installment = collections.charges(buyer.procurement(), agreement).getFirst();
        // The answer comes a second after the post: the invoicing stop's sender is still waiting for it when the clock
        // reaches the delivery's retry time, a minute later, and would claim it again if the stop had not settled.
        var held = receiver.holdAnswers();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            held.countDown();
        });

        collections.advanceTo(Instant.parse(installment.at("/time").asString()).plus(Duration.ofHours(1)));

        // No waiting: the advance returned once the stop's listeners and senders had finished.
        var invoice = collections
                .invoiceOf(agreement, installment.at("/id").asString())
                .orElseThrow();
        var sent = receiver.receivedSoFar().stream()
                .filter(r ->
                        json.readTree(r.body()).at("/data/invoiceId").asString().equals(invoice))
                .toList();
        assertThat(sent).hasSize(1);
        var deliveries = api.get("/api/v1/webhooks/deliveries?endpointId=" + endpoint, ADMIN);
        assertThat(deliveries.status()).as(deliveries.body()).isEqualTo(200);
        var ofInvoice = new ArrayList<JsonNode>();
        for (var d : deliveries.json().at("/deliveries")) {
            var log = delivery(d.at("/id").asString());
            if (log.at("/body").asString().contains(invoice)) {
                ofInvoice.add(log);
            }
        }
        assertThat(ofInvoice).hasSize(1);
        assertThat(ofInvoice.getFirst().at("/delivery/state").asString()).isEqualTo("DELIVERED");
        assertThat(statusCodes(ofInvoice.getFirst())).containsExactly(200);
    }

    @Test
    void noEventIsLostWhenTheWorkerDiesMidBatch() throws InterruptedException {
        receiver.answer(503);
        var endpoint = endpoint().at("/id").asString();
        var offer = fixtures.installmentOffer(fixtures.saasProduct(), AgreementFixtures.GLOBEX_ACCOUNT);
        receiver.awaitOffer(offer);
        var pending = awaitDelivery(endpoint, d -> attempts(d) == 1);
        var id = pending.at("/id").asString();
        var due = Instant.parse(pending.at("/nextAttemptAt").asString());
        var tx = new TransactionTemplate(transactions);

        // A worker whose claim transaction rolls back (it died before committing) leaves the delivery as it was.
        tx.executeWithoutResult(status -> {
            assertThat(repository.claimDue(due, 50, attempt -> due.plus(Duration.ofMinutes(5))))
                    .extracting(c -> c.delivery().id())
                    .contains(id);
            status.setRollbackOnly();
        });
        assertThat(delivery(id).at("/delivery/attempts").asInt()).isEqualTo(1);

        // A worker that committed its claim and died before sending: the claim's retry brings the delivery back.
        tx.executeWithoutResult(status -> repository.claimDue(due, 50, attempt -> due.plus(Duration.ofMinutes(5))));
        var claimed = delivery(id);
        assertThat(claimed.at("/delivery/state").asString()).isEqualTo("PENDING");
        assertThat(claimed.at("/delivery/attempts").asInt()).isEqualTo(2);

        receiver.answer(200);
        advance("PT10M");

        var delivered = delivery(id);
        assertThat(delivered.at("/delivery/state").asString()).isEqualTo("DELIVERED");
        assertThat(statusCodes(delivered)).containsExactly(503, 200);
    }

    @Test
    void theAdministratorRegistersAnEndpointOnThePageAndSeesItsSecretOnce() {
        var session = new SignedInSession(api, ADMIN, "offerdesk-demo");
        var created = session.post(
                "/webhooks",
                "/webhooks/endpoints",
                "url=" + URLEncoder.encode(url(), StandardCharsets.UTF_8) + "&eventTypes=offer.released");
        assertThat(created.statusCode()).isEqualTo(302);

        var page = new String(session.get("/webhooks").body(), StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"new-secret\"").contains("whsec_").contains(url());
        var again = new String(session.get("/webhooks?lang=zh-CN").body(), StandardCharsets.UTF_8);
        assertThat(again).doesNotContain("whsec_").contains("注册端点").contains(url());
        api.get("/api/v1/webhooks/endpoints", ADMIN).json().at("/endpoints").forEach(e -> {
            if (e.at("/url").asString().equals(url())) {
                endpoints.add(e.at("/id").asString());
            }
        });

        var invalid = session.post("/webhooks", "/webhooks/endpoints", "url=ftp%3A%2F%2Fx&eventTypes=offer.released");
        assertThat(invalid.statusCode()).isEqualTo(302);
        assertThat(new String(session.get("/webhooks?lang=en").body(), StandardCharsets.UTF_8))
                .contains("must be an https URL");
        assertThat(new SignedInSession(api, AgreementFixtures.AUTHOR, "offerdesk-demo")
                        .get("/webhooks")
                        .statusCode())
                .isEqualTo(403);
    }

    private JsonNode endpoint() {
        return endpoint("offer.released");
    }

    /** Acme's new endpoint at the receiver, subscribed to the event type; deactivated after the test. */
    private JsonNode endpoint(String eventType) {
        var created = api.post("/api/v1/webhooks/endpoints", ADMIN, """
                {"url":"%s","eventTypes":["%s"]}""".formatted(url(), eventType));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        endpoints.add(created.json().at("/id").asString());
        return created.json();
    }

    private String url() {
        return receiver.url();
    }

    private void advance(String by) {
        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"" + by + "\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    }

    private JsonNode delivery(String id) {
        var read = api.get("/api/v1/webhooks/deliveries/" + id, ADMIN);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private int attempts(JsonNode delivery) {
        return delivery(delivery.at("/id").asString()).at("/attempts").size();
    }

    private static List<Integer> statusCodes(JsonNode log) {
        var codes = new ArrayList<Integer>();
        log.at("/attempts").forEach(a -> codes.add(a.at("/statusCode").asInt()));
        return codes;
    }

    private JsonNode awaitDelivery(String endpoint, Predicate<JsonNode> ready) throws InterruptedException {
        return awaitDelivery(api, endpoint, ready);
    }

    /** The endpoint's one delivery once it matches, as the delivery log lists it. */
    static JsonNode awaitDelivery(TestApi api, String endpoint, Predicate<JsonNode> ready) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var page = api.get("/api/v1/webhooks/deliveries?endpointId=" + endpoint, ADMIN);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (var d : page.json().at("/deliveries")) {
                if (ready.test(d)) {
                    return d;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no matching delivery for endpoint " + endpoint);
    }
}
