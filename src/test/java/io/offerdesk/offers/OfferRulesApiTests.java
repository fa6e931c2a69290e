package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.AUTHOR;
import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every business rule of an offer change reaches the client through the API as AWS reports it: the change set FAILS
 * with {@code CLIENT_ERROR}, the change that broke the rule lists the code, and nothing of the change set is kept.
 * Malformed changes are refused at once with the field they got wrong.
 */
@EndToEndTest
class OfferRulesApiTests {

    static final int PRICING = 3;
    static final int SCHEDULE = 5;
    static final int AVAILABILITY = 7;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestApi api;

    OfferFixtures fixtures;
    String product;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(api);
        product = fixtures.productId("Acme Insights");
    }

    List<String> offer() {
        return new ArrayList<>(fixtures.privateOffer(product, OfferFixtures.unique("Rules"), GLOBEX_ACCOUNT, null));
    }

    JsonNode failed(List<String> changes) {
        var done = fixtures.run(AUTHOR, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("FAILED");
        assertThat(done.at("/failureCode").asString()).isEqualTo("CLIENT_ERROR");
        return done;
    }

    static List<String> codes(JsonNode changeSet) {
        var codes = new ArrayList<String>();
        changeSet
                .at("/changeSet")
                .forEach(c -> c.at("/errorDetailList")
                        .forEach(e -> codes.add(e.at("/code").asString())));
        return codes;
    }

    String schedule(String currency, String... dates) {
        var charges = java.util.Arrays.stream(dates)
                .map(d -> "{\"ChargeDate\":\"" + d + "\",\"ChargeAmount\":\"100.00\"}")
                .collect(Collectors.joining(","));
        return change(
                "UpdatePaymentScheduleTerms",
                "$O.Entity.Identifier",
                null,
                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"" + currency + "\",\"Schedule\":["
                        + charges + "]}]}");
    }

    String day(int plusDays) {
        return fixtures.today().plusDays(plusDays).toString();
    }

    List<String> with(int index, UnaryOperator<String> replace) {
        var changes = offer();
        changes.set(index, replace.apply(changes.get(index)));
        return changes;
    }

    @Test
    void releasingWithoutAPaymentScheduleMissesMandatoryTerms() {
        var changes = offer();
        changes.remove(SCHEDULE);
        var done = failed(changes);
        assertThat(codes(done)).contains("MISSING_MANDATORY_TERMS");
        assertThat(done.at("/changeSet/8/errorDetailList/0/code").asString()).isEqualTo("MISSING_MANDATORY_TERMS");
    }

    @Test
    void anUpfrontPriceBesideAPaymentScheduleIsIncompatible() {
        assertThat(codes(failed(with(PRICING, c -> c.replace("\"Price\":\"0.00\"", "\"Price\":\"500.00\"")))))
                .contains("INCOMPATIBLE_TERMS");
    }

    @Test
    void aGrantOnAMeteredDimensionIsIncompatible() {
        assertThat(codes(failed(with(PRICING, c -> c.replace("analysts", "events")))))
                .contains("INCOMPATIBLE_TERMS");
    }

    @Test
    void twoChargesOnOneDayAreDuplicateChargeDates() {
        assertThat(codes(failed(with(SCHEDULE, c -> schedule("USD", day(10), day(10), day(40))))))
                .containsExactly("DUPLICATE_CHARGE_DATES");
    }

    @Test
    void twoChargesBeforeTheExpiryAreTooManyBackdatedCharges() {
        var changes = offer();
        changes.set(SCHEDULE, schedule("USD", day(1), day(2), day(40)));
        assertThat(codes(failed(changes))).contains("TOO_MANY_BACKDATED_CHARGES");
    }

    @Test
    void aScheduleInAnotherCurrencyThanThePricesIsAnInvalidCurrencyCode() {
        assertThat(codes(failed(with(SCHEDULE, c -> schedule("EUR", day(10), day(40))))))
                .contains("INVALID_CURRENCY_CODE");
    }

    @Test
    void aVariablePaymentTermIsReleasedAndReadBackByTheSellerAndTheBuyer() {
        var done = fixtures.run(AUTHOR, fixtures.privateOfferWithVariablePayments(product, GLOBEX_ACCOUNT));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var id = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        var term = JSON.readTree("""
                {"Type":"VariablePaymentTerm","CurrencyCode":"USD","MaxTotalChargeAmount":"50000.00"}""");

        var seller = api.get("/api/v1/offers/" + id, AUTHOR).json().at("/offer");
        assertThat(seller.at("/state").asString()).isEqualTo("Released");
        assertThat(seller.at("/details/Terms")).contains(term);
        assertThat(seller.at("/price/maxVariablePayments/amount").decimalValue())
                .isEqualByComparingTo("50000.00");
        var buyer = api.get("/api/v1/buyer/offers/" + id, GLOBEX).json();
        assertThat(buyer.at("/details/Terms")).contains(term);

        var changed = fixtures.run(AUTHOR, List.of(OfferFixtures.variablePayments(id, "USD", "90000.00")));
        assertThat(codes(changed)).containsExactly("INVALID_UPDATE_REQUEST");
    }

    @Test
    void variablePaymentsInAnotherCurrencyThanThePricesAreAnInvalidCurrencyCode() {
        var changes = offer();
        changes.add(changes.size() - 1, OfferFixtures.variablePayments("$O.Entity.Identifier", "EUR", "50000.00"));
        assertThat(codes(failed(changes))).contains("INVALID_CURRENCY_CODE");
    }

    @Test
    void moreBuyerAccountsThanTheLimitAreTooMany() {
        var accounts = IntStream.range(0, 26)
                .mapToObj(i -> "\"%012d\"".formatted(700_000_000_000L + i))
                .collect(Collectors.joining(","));
        var done = failed(with(
                2,
                c -> change(
                        "UpdateTargeting",
                        "$O.Entity.Identifier",
                        null,
                        "{\"PositiveTargeting\":{\"BuyerAccounts\":[" + accounts + "]}}")));
        assertThat(codes(done)).containsExactly("TOO_MANY_BUYER_ACCOUNTS");
    }

    @Test
    void aPrivateOfferWithoutExpiryMissesTheAvailabilityEndDate() {
        var changes = offer();
        changes.remove(AVAILABILITY);
        assertThat(codes(failed(changes))).contains("MISSING_AVAILABILITY_END_DATE");
    }

    @Test
    void moreThanSixtyInstallmentsAreTooManyCharges() {
        var dates = IntStream.range(0, 61).mapToObj(i -> day(10 + i)).toArray(String[]::new);
        assertThat(codes(failed(with(SCHEDULE, c -> schedule("USD", dates))))).contains("TOO_MANY_CHARGES");
    }

    @Test
    void aCustomEulaThatWasNeverUploadedIsAnInvalidLegalDocument() {
        var changes = new ArrayList<>(fixtures.privateOffer(
                product,
                OfferFixtures.unique("Rules"),
                GLOBEX_ACCOUNT,
                "/api/v1/eula-documents/00000000-0000-0000-0000-000000000000"));
        assertThat(codes(failed(changes))).contains("INVALID_LEGAL_DOCUMENTS");
    }

    @Test
    void aFailedChangeSetKeepsNoOffer() {
        var name = OfferFixtures.unique("Never kept");
        var changes = new ArrayList<>(fixtures.privateOffer(product, name, GLOBEX_ACCOUNT, null));
        changes.remove(AVAILABILITY);
        failed(changes);
        assertThat(api.get("/api/v1/offers?name=" + name.replace(" ", "%20"), AUTHOR)
                        .json()
                        .at("/offers"))
                .isEmpty();
    }

    @Test
    void onlyNameDescriptionAvailabilityAndValidityChangeAfterRelease() {
        var id = fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var pricing = fixtures.run(
                AUTHOR,
                List.of(change(
                        "UpdateSupportTerms",
                        id,
                        null,
                        "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"None.\"}]}")));
        assertThat(codes(pricing)).containsExactly("INVALID_UPDATE_REQUEST");

        var renamed = fixtures.run(AUTHOR, List.of(change("UpdateInformation", id, null, "{\"Name\":\"Renamed\"}")));
        assertThat(renamed.at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(renamed.at("/changeSet/0/entity/identifier").asString()).isEqualTo(id + "@2");
    }

    @Test
    void malformedChangesAreRefusedAtOnceNamingTheField() {
        var badAmount = api.post(
                "/api/v1/change-sets",
                AUTHOR,
                OfferFixtures.set(with(SCHEDULE, c -> c.replaceFirst("\"1000.00\"", "\"ten\""))));
        assertThat(badAmount.status()).isEqualTo(422);
        assertThat(badAmount.json().at("/errors").findValuesAsString("field"))
                .contains("changeSet[5].detailsDocument.Terms[0].Schedule[0].ChargeAmount");

        var badAccount = api.post(
                "/api/v1/change-sets", AUTHOR, OfferFixtures.set(with(2, c -> c.replace(GLOBEX_ACCOUNT, "12345"))));
        assertThat(badAccount.status()).isEqualTo(422);
        assertThat(badAccount.json().at("/errors").findValuesAsString("field"))
                .contains("changeSet[2].detailsDocument.PositiveTargeting.BuyerAccounts[0]");

        var noProduct = api.post(
                "/api/v1/change-sets", AUTHOR, OfferFixtures.set(with(0, c -> change("CreateOffer", null, "O", "{}"))));
        assertThat(noProduct.json().at("/errors").findValuesAsString("field"))
                .contains("changeSet[0].detailsDocument.ProductId");

        var badDate = api.post(
                "/api/v1/change-sets",
                AUTHOR,
                OfferFixtures.set(with(
                        AVAILABILITY,
                        c -> change(
                                "UpdateAvailability",
                                "$O.Entity.Identifier",
                                null,
                                "{\"AvailabilityEndDate\":\"soon\"}"))));
        assertThat(badDate.json().at("/errors").findValuesAsString("field"))
                .contains("changeSet[7].detailsDocument.AvailabilityEndDate");
        assertThat(badDate.json().at("/errors/0/message").asString()).isNotBlank();
    }

    @Test
    void expiringCancelsTheOfferForItsBuyerAndExtendingBringsItBack() {
        var id = fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var expired = fixtures.finished(AUTHOR, api.post("/api/v1/offers/" + id + "/expire", AUTHOR, ""));
        assertThat(expired.at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/offers/" + id, AUTHOR)
                        .json()
                        .at("/offer/status")
                        .asString())
                .isEqualTo("EXPIRED");
        assertThat(api.get("/api/v1/buyer/offers", GLOBEX).json().at("/offers").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/buyer/offers?tab=ACCEPTED_OR_EXPIRED&limit=100", GLOBEX)
                        .json()
                        .at("/offers")
                        .findValuesAsString("id"))
                .contains(id);
        var audit = api.get("/api/v1/audit/entries?entityType=offer&entityId=" + id, "admin@acme.example");
        assertThat(audit.body()).contains("OfferReleased", "OfferExpired");

        var extended = fixtures.finished(
                AUTHOR,
                api.post("/api/v1/offers/" + id + "/expiry", AUTHOR, "{\"availabilityEndDate\":\"" + day(20) + "\"}"));
        assertThat(extended.at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/offers/" + id, AUTHOR)
                        .json()
                        .at("/offer/status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/offers/" + id + "/revisions", AUTHOR).json())
                .hasSize(3);
    }

    @Test
    void cloningCopiesTheOfferIntoADraftAndCanExpireTheOriginalInTheSameChangeSet() {
        var id = fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var cloned = fixtures.finished(
                AUTHOR,
                api.post("/api/v1/offers/" + id + "/clone", AUTHOR, "{\"name\":\"Clone\",\"expireOriginal\":true}"));
        assertThat(cloned.at("/status").asString()).as(cloned.toString()).isEqualTo("SUCCEEDED");
        var copy = cloned.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        var draft = api.get("/api/v1/offers/" + copy, AUTHOR).json().at("/offer");
        assertThat(draft.at("/state").asString()).isEqualTo("Draft");
        assertThat(draft.at("/buyerAccounts/0").asString()).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(draft.at("/price/installments").asInt()).isEqualTo(12);
        assertThat(api.get("/api/v1/offers/" + id, AUTHOR)
                        .json()
                        .at("/offer/status")
                        .asString())
                .isEqualTo("EXPIRED");
    }
}
