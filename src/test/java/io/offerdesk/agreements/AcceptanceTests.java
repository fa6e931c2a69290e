package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Quoting and accepting private offers through the REST API, and who can see the agreement afterwards. */
@EndToEndTest
class AcceptanceTests {

    @Autowired
    TestApi api;

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void quotesTheScheduleAndMakesOneAgreementBothSidesSee() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);

        var quote = fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        assertThat(quote.json().at("/chargeSummary/newAgreementValue").asString())
                .isEqualTo("12000.00");
        assertThat(quote.json().at("/chargeSummary/expectedCharges")).hasSize(12);
        assertThat(quote.json().at("/chargeSummary/expectedCharges/0/timing").asString())
                .isEqualTo("SCHEDULED");
        assertThat(quote.json().at("/chargeSummary/invoicingEntity/legalName").asString())
                .isEqualTo("Offerdesk Marketplace");

        var accepted =
                fixtures.accept(GLOBEX, quote.json().at("/agreementRequestId").asString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var agreementId = accepted.json().at("/agreementId").asString();
        assertThat(agreementId).matches("agmt-[a-z0-9]{25}");
        assertThat(accepted.json().at("/status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.json().at("/initialAgreementId").asString()).isEqualTo(agreementId);
        assertThat(accepted.json().at("/estimatedCharges/agreementValue").asString())
                .isEqualTo("12000.00");
        assertThat(accepted.json().at("/acceptor/accountId").asString()).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(accepted.json().at("/proposer/accountId").asString()).isEqualTo("200000000001");
        assertThat(accepted.json().at("/endTimeBehavior/reasonCode").asString()).isEqualTo("NO_RENEWAL_TERM");

        var seller = api.get("/api/v1/agreements/" + agreementId, AgreementFixtures.AUTHOR);
        assertThat(seller.status()).isEqualTo(200);
        var sellerList = api.get("/api/v1/agreements?offerId=" + offerId, AgreementFixtures.AUTHOR);
        assertThat(sellerList.json().at("/agreements")).hasSize(1);
        var buyerList = api.get("/api/v1/agreements?offerId=" + offerId + "&status=ACTIVE", GLOBEX);
        assertThat(buyerList.json().at("/agreements/0/agreementId").asString()).isEqualTo(agreementId);

        var terms = api.get("/api/v1/agreements/" + agreementId + "/terms", GLOBEX);
        assertThat(terms.json().at("/acceptedTerms").findValuesAsString("id")).allMatch(id -> id.startsWith("term-"));
    }

    @Test
    void refusesASecondAgreementForTheSameProductWithTheReason() {
        var product = fixtures.saasProduct();
        var first = fixtures.installmentOffer(product, GLOBEX_ACCOUNT);
        var second = fixtures.installmentOffer(product, GLOBEX_ACCOUNT);
        assertThat(fixtures.buy(first).status()).isEqualTo(201);

        var again = fixtures.buy(second);

        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(again.json().at("/errors/0/code").asString())
                .isEqualTo("agreement.DUPLICATE_AGREEMENT_IN_ORGANIZATION");
    }

    @Test
    void hidesEverythingAboutTheAgreementFromAnotherBuyer() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var quote = fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT);
        var requestId = quote.json().at("/agreementRequestId").asString();
        var agreementId =
                fixtures.accept(GLOBEX, requestId).json().at("/agreementId").asString();

        assertThat(api.get("/api/v1/agreements/" + agreementId, INITECH).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/terms", INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/agreement-requests/" + requestId, INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(fixtures.accept(INITECH, requestId).status()).isEqualTo(404);
        assertThat(fixtures.quote(INITECH, offerId, "500000000001").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agreements?offerId=" + offerId, INITECH)
                        .json()
                        .at("/agreements"))
                .isEmpty();
        assertThat(api.get("/api/v1/agreements/" + agreementId, "admin@nimbus.example")
                        .status())
                .isEqualTo(404);
    }
}
