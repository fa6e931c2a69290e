package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.AUTHOR;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Concurrent writers of one offer: the entity lock lets one change set in, and one token makes one change set. */
@EndToEndTest
class OfferConcurrencyTests {

    @Autowired
    TestApi api;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(api);
    }

    @Test
    void ofTwoChangeSetsOnOneOfferExactlyOneRunsAndTheOtherIsRefused() throws Exception {
        var offer = fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var ready = new CountDownLatch(1);
        List<Callable<Reply>> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var name = "Writer " + i;
            // Each writer holds its own note, so only the offer is contended.
            var note = note();
            writers.add(() -> {
                ready.await();
                return api.post(
                        "/api/v1/change-sets",
                        AUTHOR,
                        OfferFixtures.set(List.of(
                                change("UpdateInformation", offer, null, "{\"Name\":\"" + name + "\"}"),
                                // Keeps the first change set applying while the second arrives.
                                "{\"changeType\":\"HoldNote\",\"entity\":{\"type\":\"Note@1.0\",\"identifier\":\""
                                        + note + "\"},\"detailsDocument\":{\"Key\":\"" + offer + "\"}}")));
            });
        }
        try (var pool = Executors.newFixedThreadPool(2)) {
            var futures = writers.stream().map(pool::submit).toList();
            ready.countDown();
            var statuses = new ArrayList<Integer>();
            Reply accepted = null;
            for (var future : futures) {
                var reply = future.get();
                statuses.add(reply.status());
                if (reply.status() == 202) {
                    accepted = reply;
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(202, 423);
            io.offerdesk.changesets.Notes.hold(offer).countDown();
            assertThat(fixtures.finished(AUTHOR, java.util.Objects.requireNonNull(accepted))
                            .at("/status")
                            .asString())
                    .isEqualTo("SUCCEEDED");
        }
        assertThat(api.get("/api/v1/offers/" + offer, AUTHOR)
                        .json()
                        .at("/offer/revision")
                        .asLong())
                .isEqualTo(2);
    }

    /** A new note of the seller's for a holding change. */
    private String note() {
        var done = fixtures.finished(
                AUTHOR,
                api.post(
                        "/api/v1/change-sets",
                        AUTHOR,
                        "{\"changeSet\":[{\"changeType\":\"CreateNote\",\"entity\":{\"type\":\"Note@1.0\"},"
                                + "\"detailsDocument\":{\"Text\":\"hold\"}}]}"));
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    @Test
    void fiftyConcurrentStartsWithOneTokenMakeOneOfferChangeSet() throws Exception {
        var token = "offer-" + UUID.randomUUID();
        var body = "{\"clientRequestToken\":\"" + token + "\",\"changeSet\":["
                + String.join(
                        ",",
                        fixtures.privateOffer(
                                fixtures.productId("Acme Insights"), "Token " + token, GLOBEX_ACCOUNT, null))
                + "]}";
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> api.post("/api/v1/change-sets", AUTHOR, body));
        }
        try (var pool = Executors.newFixedThreadPool(50)) {
            var replies = new ArrayList<Reply>();
            for (var future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
            assertThat(replies)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(202));
            assertThat(replies.stream()
                            .map(r -> r.json().at("/changeSetId").asString())
                            .distinct())
                    .hasSize(1);
            var done = fixtures.finished(AUTHOR, replies.getFirst());
            assertThat(done.at("/status").asString()).isEqualTo("SUCCEEDED");
        }
        var offers = api.get("/api/v1/offers?name=" + token, AUTHOR).json().at("/offers");
        assertThat(offers).hasSize(1);
    }
}
