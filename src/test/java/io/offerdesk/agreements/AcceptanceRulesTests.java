package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every way acceptance can be refused, with its reason; idempotency; and acceptances racing each other. */
@EndToEndTest
class AcceptanceRulesTests {

    @Autowired
    TestApi api;

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void fiftyConcurrentAcceptancesOfOneOfferByOneAccountMakeOneAgreement() throws Exception {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var quotes = new ArrayList<String>();
        for (int i = 0; i < 25; i++) {
            quotes.add(requestId(fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT)));
        }
        // Half the acceptances race on one quote, the other half each on a quote of its own.
        var start = new CountDownLatch(1);
        var attempts = new ArrayList<Callable<TestApi.Reply>>();
        for (int i = 0; i < 50; i++) {
            var requestId = i % 2 == 0 ? quotes.getFirst() : quotes.get(i / 2);
            attempts.add(() -> {
                start.await();
                return fixtures.accept(GLOBEX, requestId);
            });
        }
        List<TestApi.Reply> replies;
        try (var pool = Executors.newFixedThreadPool(50)) {
            var futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            replies = new ArrayList<>();
            for (var future : futures) {
                replies.add(future.get());
            }
        }

        var agreements =
                api.get("/api/v1/agreements?offerId=" + offerId, GLOBEX).json().at("/agreements");
        assertThat(agreements).hasSize(1);
        var agreementId = agreements.get(0).at("/agreementId").asString();
        // The rest were refused as duplicates, or told to retry while the winner was deciding.
        assertThat(replies).allSatisfy(reply -> {
            switch (reply.status()) {
                case 201 ->
                    assertThat(reply.json().at("/agreementId").asString()).isEqualTo(agreementId);
                case 422 ->
                    assertThat(reply.json().at("/errors/0/code").asString())
                            .isEqualTo("agreement.DUPLICATE_AGREEMENT_IN_ORGANIZATION");
                default -> assertThat(reply.status()).as(reply.body()).isEqualTo(423);
            }
        });
    }

    @Test
    void acceptingTheSameQuoteAgainAnswersWithTheSameAgreement() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var requestId = requestId(fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT));

        var first = fixtures.accept(GLOBEX, requestId);
        var second = fixtures.accept(GLOBEX, requestId);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().at("/agreementId").asString())
                .isEqualTo(first.json().at("/agreementId").asString());
        assertThat(api.get("/api/v1/buyer/agreement-requests/" + requestId, GLOBEX)
                        .json()
                        .at("/agreementId")
                        .asString())
                .isEqualTo(first.json().at("/agreementId").asString());
    }

    @Test
    void aClientTokenRepeatsTheSameQuoteAndRefusesADifferentRequest() {
        var product = fixtures.saasProduct();
        var offerId = fixtures.installmentOffer(product, GLOBEX_ACCOUNT);
        var otherOffer = fixtures.installmentOffer(product, GLOBEX_ACCOUNT);
        var body = "{\"offerId\":\"%s\",\"clientToken\":\"tok-%s\"}";
        var token = OfferFixtures.unique("t").replace(' ', '-');

        var first = fixtures.quote(GLOBEX, body.formatted(offerId, token));
        var repeat = fixtures.quote(GLOBEX, body.formatted(offerId, token));
        var different = fixtures.quote(GLOBEX, body.formatted(otherOffer, token));

        assertThat(repeat.status()).isEqualTo(201);
        assertThat(requestId(repeat)).isEqualTo(requestId(first));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.json().at("/errors/0/code").asString()).isEqualTo("agreement.INVALID_CLIENT_TOKEN");
    }

    @Test
    void onlyProcurementAcceptsAndOnlyWithTheEulaAcknowledged() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var requestId = requestId(fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT));

        var withoutEula = api.post(
                "/api/v1/buyer/agreement-requests/" + requestId + "/accept", GLOBEX, "{\"eulaAcknowledged\":false}");
        var byFinance = fixtures.accept("finance@globex.example", requestId);

        assertThat(withoutEula.status()).isEqualTo(422);
        assertThat(withoutEula.json().at("/errors/0/field").asString()).isEqualTo("eulaAcknowledged");
        assertThat(withoutEula.json().at("/errors/0/code").asString()).isEqualTo("agreement.eulaNotAcknowledged");
        assertThat(byFinance.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/agreements?offerId=" + offerId, GLOBEX)
                        .json()
                        .at("/agreements"))
                .isEmpty();
    }

    @Test
    void refusesAnAccountTheOfferDoesNotTargetAndUnknownPurchaseOrderCharges() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var requestId = requestId(fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT));

        var otherAccount = fixtures.quote(GLOBEX, offerId, "400000000002");
        var badPurchaseOrder = api.post("/api/v1/buyer/agreement-requests/" + requestId + "/accept", GLOBEX, """
                {"eulaAcknowledged":true,"purchaseOrders":[{"chargeId":"charge-99","purchaseOrderReference":"PO-1"}]}""");

        assertThat(otherAccount.status()).isEqualTo(422);
        assertThat(otherAccount.json().at("/errors/0/code").asString()).isEqualTo("agreement.accountNotTargeted");
        assertThat(badPurchaseOrder.status()).isEqualTo(422);
        assertThat(badPurchaseOrder.json().at("/errors/0/field").asString()).isEqualTo("purchaseOrders[0].chargeId");
        assertThat(badPurchaseOrder.json().at("/errors/0/code").asString())
                .isEqualTo("agreement.INVALID_PURCHASE_ORDERS");
    }

    @Test
    void keepsThePurchaseOrderOnItsCharge() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var requestId = requestId(fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT));

        var accepted = api.post("/api/v1/buyer/agreement-requests/" + requestId + "/accept", GLOBEX, """
                {"eulaAcknowledged":true,"purchaseOrders":[{"chargeId":"charge-2","purchaseOrderReference":"PO-4711"}]}""");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().at("/charges/1/id").asString()).isEqualTo("charge-2");
        assertThat(accepted.json().at("/charges/1/purchaseOrderReference").asString())
                .isEqualTo("PO-4711");
        assertThat(accepted.json().at("/charges/0/purchaseOrderReference").isNull())
                .isTrue();
    }

    @Test
    void refusesAQuoteWhoseOfferChangedOrExpired() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var changed = requestId(fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT));
        var validity = OfferFixtures.change(
                "UpdateValidityTerms",
                offerId,
                null,
                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P13M\"}]}");
        assertThat(fixtures.offers()
                        .run(AUTHOR, List.of(validity))
                        .at("/status")
                        .asString())
                .isEqualTo("SUCCEEDED");

        var superseded = fixtures.accept(GLOBEX, changed);

        assertThat(superseded.status()).isEqualTo(422);
        assertThat(superseded.json().at("/errors/0/code").asString())
                .isEqualTo("agreement.SUPERSEDED_AGREEMENT_PROPOSAL");

        var fresh = requestId(fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT));
        var expire = api.post("/api/v1/offers/" + offerId + "/expire", AUTHOR, "{}");
        api.finishedChangeSet(AUTHOR, expire);

        var expired = fixtures.accept(GLOBEX, fresh);
        var quoteAfterExpiry = fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT);

        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.json().at("/errors/0/code").asString()).isEqualTo("agreement.EXPIRED_AGREEMENT_PROPOSAL");
        assertThat(quoteAfterExpiry.json().at("/errors/0/code").asString())
                .isEqualTo("agreement.EXPIRED_AGREEMENT_PROPOSAL");
    }

    private static String requestId(TestApi.Reply quote) {
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        return quote.json().at("/agreementRequestId").asString();
    }
}
