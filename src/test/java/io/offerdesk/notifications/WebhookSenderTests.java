package io.offerdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.WebhookReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A webhook made due by a request is sent by the node's sender after the commit, not by the request's thread (ADR
 * 0054): the request answers while the receiver has not answered yet, and the delivery still succeeds at its first
 * attempt.
 */
@EndToEndTest
class WebhookSenderTests {

    static final String ADMIN = WebhooksTests.ADMIN;

    @Autowired
    TestApi api;

    final List<String> endpoints = new ArrayList<>();
    AgreementFixtures fixtures;
    WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        fixtures = new AgreementFixtures(api);
        receiver = WebhookReceiver.started();
    }

    @AfterEach
    void deactivate() {
        receiver.close();
        for (var id : endpoints) {
            api.put("/api/v1/webhooks/endpoints/" + id, ADMIN, """
                    {"url":"%s","eventTypes":["offer.released"],"active":false}""".formatted(receiver.url()));
        }
    }

    @Test
    void aReplayAnswersBeforeItsDeliveryIsAnsweredAndIsDeliveredAtItsFirstAttempt() throws InterruptedException {
        var endpoint = endpoint();
        var offer = fixtures.installmentOffer(fixtures.saasProduct(), AgreementFixtures.GLOBEX_ACCOUNT);
        receiver.awaitOffer(offer);
        var first = awaitDelivery(endpoint, d -> d.at("/state").asString().equals("DELIVERED"));

        // The receiver answers nothing until the replay's request has been answered. Were the delivery sent on the
        // request's thread after its commit, the request would wait for the receiver, the send would time out, and the
        // first attempt would fail.
        var gate = receiver.holdAnswers();
        var replay = api.post("/api/v1/webhooks/deliveries/" + first.at("/id").asString() + "/replay", ADMIN, "");
        gate.countDown();

        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        var replayId = replay.json().at("/id").asString();
        receiver.awaitOffer(offer);
        var delivered = awaitDelivery(
                endpoint,
                d -> d.at("/id").asString().equals(replayId)
                        && d.at("/state").asString().equals("DELIVERED"));
        assertThat(delivered.at("/attempts").asInt()).isEqualTo(1);
        var log = api.get("/api/v1/webhooks/deliveries/" + replayId, ADMIN).json();
        assertThat(log.at("/attempts/0/statusCode").asInt()).isEqualTo(200);
    }

    private String endpoint() {
        var created = api.post("/api/v1/webhooks/endpoints", ADMIN, """
                {"url":"%s","eventTypes":["offer.released"]}""".formatted(receiver.url()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().at("/id").asString();
        endpoints.add(id);
        return id;
    }

    private JsonNode awaitDelivery(String endpoint, Predicate<JsonNode> ready) throws InterruptedException {
        return WebhooksTests.awaitDelivery(api, endpoint, ready);
    }
}
