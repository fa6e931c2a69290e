package io.offerdesk.gtm;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Polls;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The renewal engine after time travel: a seller of the test's own sells a twelve-month contract in twelve monthly
 * installments and switches the engine on; once the clock is inside the lead window, exactly one renewal draft exists,
 * priced up by the increase (installments summing to the raised total), flagged as a renewal of a marketplace
 * agreement, made in the mode of the agreement's template or else the party's default, with an approval request
 * pending; moving on drafts nothing more; another seller sees none of it.
 */
// Moves the shared simulated clock forward (about ten months per test): runs after the tests that do not
// (junit-platform.properties).
@Order(Order.DEFAULT + 46)
@EndToEndTest
class RenewalEngineTests {

    private static final int LEAD_DAYS = 60;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewOfferRenewalFollowsThePartyDefaultAndIsDraftedOnce() {
        var deal = deal("NEW_OFFER", "7.50");
        var draft = advanceIntoWindowAndAwaitDraft(deal);
        assertThat(draft.at("/mode").asString()).isEqualTo("NEW_OFFER");
        assertThat(draft.at("/templateId").isNull()).isTrue();
        var offer = renewalOffer(deal, draft, "107.50");
        assertThat(offer.at("/buyerAccounts/0").asString())
                .isEqualTo(deal.buyer().accountId());
        var end = deal.end();
        assertThat(offer.at("/availabilityEndDate").asString())
                .isEqualTo(end.plusDays(14).toString());
        var validity = term(offer, "ValidityTerm");
        assertThat(day(validity.at("/AgreementEndDate")))
                .isEqualTo(end.plusDays(1).plusMonths(12).toString());
        assertThat(validity.has("AgreementStartDate")).isFalse();

        // The renewals page lists the agreement as drafted and links the draft to its offer and approvals.
        var page = new SignedInSession(api, deal.seller().author(), ApprovalFixtures.PASSWORD).get("/renewals?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8))
                .contains(
                        deal.agreementId(),
                        "Drafted",
                        "Waiting for approval",
                        "/offers/" + offer.at("/id").asString() + "/approvals");

        // The seller's renewal calendar in analytics marks the agreement's renewal as drafted.
        Polls.poll(
                        "the calendar to mark the renewal of " + deal.agreementId() + " drafted",
                        Duration.ofMillis(25),
                        Duration.ofMinutes(1))
                .until(() -> renewalState(deal), "RENEWAL_DRAFTED"::equals);

        // Later runs of the engine draft nothing more for the agreement.
        clock().advanceTo(clock().now().plus(Duration.ofDays(3)));
        assertThat(draftsOf(deal)).hasSize(1);
        assertThat(draftsOf(deal).getFirst().at("/offerId").asString())
                .isEqualTo(offer.at("/id").asString());

        // Another seller sees neither the draft nor the renewal offer's approvals.
        var other = new ApprovalFixtures(api).seller();
        assertThat(api.get("/api/v1/renewal-drafts/" + deal.agreementId(), other.admin())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + offer.at("/id").asString() + "/approvals", other.admin())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/renewal-drafts", other.admin()).json().at("/drafts"))
                .isEmpty();
    }

    @Test
    void aReplacementRenewalReplacesTheAgreement() {
        var deal = deal("REPLACEMENT", "3");
        var draft = advanceIntoWindowAndAwaitDraft(deal);
        assertThat(draft.at("/mode").asString()).isEqualTo("REPLACEMENT");
        var offer = renewalOffer(deal, draft, "103.00");
        assertThat(offer.at("/details/AgreementId").asString()).isEqualTo(deal.agreementId());
        assertThat(offer.at("/buyerAccounts/0").asString())
                .isEqualTo(deal.buyer().accountId());
        assertThat(offer.at("/availabilityEndDate").asString())
                .isEqualTo(deal.end().minusDays(1).toString());
        assertThat(day(term(offer, "ValidityTerm").at("/AgreementEndDate")))
                .isEqualTo(deal.end().plusDays(1).plusMonths(12).toString());
    }

    @Test
    void aFutureDatedRenewalFollowsTheAgreementsTemplate() {
        var fixtures = new ApprovalFixtures(api);
        var seller = fixtures.seller();
        var pricing = created(seller.author(), "/api/v1/pricing-templates", """
                {"name":"Monthly","shape":"MONTHLY_INSTALLMENTS","durationMonths":12}""");
        var template = created(seller.author(), "/api/v1/offer-templates", """
                {"name":"Renews early","pricingTemplateId":"%s","renewalMode":"FUTURE_DATED",
                 "renewalIncreasePercent":"5"}""".formatted(
                        pricing.at("/id").asString()));
        assertThat(template.at("/renewalMode").asString()).isEqualTo("FUTURE_DATED");
        var badPlan = api.post("/api/v1/offer-templates", seller.author(), """
                {"name":"Bad plan","renewalMode":"SOMETIME","renewalIncreasePercent":"1.234"}""");
        assertThat(badPlan.status()).as(badPlan.body()).isEqualTo(422);
        assertThat(badPlan.body()).contains("\"renewalMode\"", "\"renewalIncreasePercent\"");
        var buyer = clock().buyer();
        var started = api.post(
                "/api/v1/offer-templates/" + template.at("/id").asString() + "/offers", seller.author(), """
                {"productId":"%s","buyerAccounts":["%s"],"quantity":1}""".formatted(
                                seller.productId(), buyer.accountId()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var offerId = started.json().at("/offerId").asString();
        var released = fixtures.release(seller.author(), offerId);
        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");
        // The party's default says otherwise; the template's plan wins.
        var deal = sold(seller, buyer, offerId, "NEW_OFFER", "7.50");

        var draft = advanceIntoWindowAndAwaitDraft(deal);
        assertThat(draft.at("/mode").asString()).isEqualTo("FUTURE_DATED");
        assertThat(draft.at("/templateId").asString())
                .isEqualTo(template.at("/id").asString());
        assertThat(new BigDecimal(draft.at("/increasePercent").asString())).isEqualByComparingTo("5");
        // 1,200.00 a year listed, in twelve installments of 100.00: each 5 % dearer.
        var offer = renewalOffer(deal, draft, "105.00");
        var validity = term(offer, "ValidityTerm");
        assertThat(day(validity.at("/AgreementStartDate")))
                .isEqualTo(deal.end().plusDays(1).toString());
        assertThat(day(validity.at("/AgreementEndDate")))
                .isEqualTo(deal.end().plusDays(1).plusMonths(12).toString());
    }

    @Test
    void aRenewalThatCannotBeDraftedIsRecordedWithItsReasonAndNotTriedAgain() {
        var deal = deal("NEW_OFFER", "5");
        var deleted = api.delete(
                "/api/v1/products/" + deal.seller().productId(), deal.seller().admin());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        var windowOpens = deal.endTime().minus(Duration.ofDays(LEAD_DAYS));
        clock().advanceTo(windowOpens.plus(Duration.ofDays(1)));
        var draft = awaitOutcome(deal);
        assertThat(draft.at("/state").asString()).as(draft.toString()).isEqualTo("FAILED");
        assertThat(draft.at("/reason").asString()).isNotBlank();
        assertThat(draft.at("/offerId").isNull()).isTrue();

        clock().advanceTo(windowOpens.plus(Duration.ofDays(3)));
        assertThat(draftsOf(deal)).hasSize(1);
        assertThat(draftsOf(deal).getFirst().at("/state").asString()).isEqualTo("FAILED");
    }

    /** The agreement's renewal state in the analytics calendar (empty until the renewal engine's event reached it). */
    private String renewalState(Deal deal) {
        var state = "";
        var calendar =
                api.get("/api/v1/analytics/renewal-calendar", deal.seller().admin());
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        for (var month : calendar.json().at("/months")) {
            for (var agreement : month.at("/agreements")) {
                if (agreement.at("/agreementId").asString().equals(deal.agreementId())) {
                    state = agreement.at("/renewalState").asString();
                }
            }
        }
        return state;
    }

    /** A seller's agreement in twelve monthly installments of 100.00 and its renewal settings. */
    record Deal(
            ApprovalFixtures.Seller seller,
            Buyer buyer,
            String offerId,
            String agreementId,
            Instant startTime,
            Instant endTime) {
        LocalDate start() {
            return LocalDate.ofInstant(startTime, ZoneOffset.UTC);
        }

        LocalDate end() {
            return LocalDate.ofInstant(endTime, ZoneOffset.UTC);
        }
    }

    private Deal deal(String defaultMode, String increase) {
        var fixtures = new ApprovalFixtures(api);
        var seller = fixtures.seller();
        var buyer = clock().buyer();
        var today = clock().today();
        var schedule = IntStream.range(0, 12)
                .mapToObj(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"100.00\"}".formatted(today.plusMonths(i)))
                .collect(Collectors.joining(","));
        var o = "$O.Entity.Identifier";
        var done = fixtures.offers()
                .run(
                        seller.author(),
                        List.of(
                                change("CreateOffer", null, "O", "{\"ProductId\":\"" + seller.productId() + "\"}"),
                                change(
                                        "UpdateInformation",
                                        o,
                                        null,
                                        "{\"Name\":\"" + OfferFixtures.unique("Renewable") + "\"}"),
                                change("UpdateTargeting", o, null, """
                                        {"PositiveTargeting":{"BuyerAccounts":["%s"]}}""".formatted(buyer.accountId())),
                                change("UpdatePricingTerms", o, null, """
                                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm",\
                                        "CurrencyCode":"USD","Price":"0.00",\
                                        "Grants":[{"DimensionKey":"analysts","MaxQuantity":1}]}]}"""),
                                change("UpdateValidityTerms", o, null, """
                                        {"Terms":[{"Type":"ValidityTerm","AgreementDuration":"P12M"}]}"""),
                                change(
                                        "UpdatePaymentScheduleTerms",
                                        o,
                                        null,
                                        "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\","
                                                + "\"Schedule\":[" + schedule + "]}]}"),
                                change("UpdateLegalTerms", o, null, """
                                        {"Terms":[{"Type":"LegalTerm","Documents":[{"Type":"StandardEula",\
                                        "Version":"1.0"}]}]}"""),
                                change(
                                        "UpdateAvailability",
                                        o,
                                        null,
                                        "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                                change("ReleaseOffer", o, null, "{}")));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var offerId = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        return sold(seller, buyer, offerId, defaultMode, increase);
    }

    /**
     * The buyer accepts the released offer; then every draft of the seller needs an offer approver (from 1 USD up) and
     * the engine is switched on.
     */
    private Deal sold(
            ApprovalFixtures.Seller seller, Buyer buyer, String offerId, String defaultMode, String increase) {
        var agreementId = clock().buy(buyer, offerId);
        var agreement = api.get("/api/v1/agreements/" + agreementId, seller.admin());
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(200);
        var rule = api.post("/api/v1/approval-policies/rules", seller.admin(), """
                {"name":"Every deal","condition":"CONTRACT_VALUE","threshold":"1","currency":"USD","mode":"SEQUENTIAL",
                 "approvers":[{"role":"OFFER_APPROVER"}]}""");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);

        var invalid = api.put("/api/v1/renewal-settings", seller.admin(), """
                {"enabled":true,"leadDays":0,"defaultMode":"SOMETIME","increasePercent":"100.5"}""");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        assertThat(invalid.body()).contains("leadDays", "defaultMode", "increasePercent");
        assertThat(api.get("/api/v1/renewal-settings", seller.admin())
                        .json()
                        .at("/enabled")
                        .asBoolean())
                .isFalse();
        assertThat(api.put("/api/v1/renewal-settings", seller.author(), "{\"enabled\":true}")
                        .status())
                .isEqualTo(403);
        var settings =
                api.put("/api/v1/renewal-settings", seller.admin(), """
                {"enabled":true,"leadDays":%d,"defaultMode":"%s","increasePercent":"%s"}""".formatted(LEAD_DAYS, defaultMode, increase));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.json().at("/enabled").asBoolean()).isTrue();
        return new Deal(
                seller,
                buyer,
                offerId,
                agreementId,
                Instant.parse(agreement.json().at("/startTime").asString()),
                Instant.parse(agreement.json().at("/endTime").asString()));
    }

    /**
     * Nothing is drafted while the agreement ends beyond the lead days; once the clock is a day inside the window the
     * draft is made and queued for approval.
     */
    private JsonNode advanceIntoWindowAndAwaitDraft(Deal deal) {
        var windowOpens = deal.endTime().minus(Duration.ofDays(LEAD_DAYS));
        clock().advanceTo(windowOpens.minus(Duration.ofDays(2)));
        assertThat(draftsOf(deal)).isEmpty();
        var upcoming = api.get("/api/v1/renewal-drafts/upcoming", deal.seller().author());
        assertThat(upcoming.status()).as(upcoming.body()).isEqualTo(200);
        assertThat(upcoming.json().at("/agreements")).isEmpty();

        clock().advanceTo(windowOpens.plus(Duration.ofDays(1)));
        var draft = awaitOutcome(deal);
        assertThat(draft.at("/state").asString()).as(draft.toString()).isEqualTo("QUEUED");
        return draft;
    }

    /** Polls, as a client would, until the agreement's one draft is no longer drafting (its change set ran). */
    private JsonNode awaitOutcome(Deal deal) {
        var drafts = Polls.poll(
                        "the renewal of " + deal.agreementId() + " to leave DRAFTING",
                        Duration.ofMillis(25),
                        Duration.ofMinutes(1))
                .until(
                        () -> {
                            var found = draftsOf(deal);
                            assertThat(found).hasSizeLessThanOrEqualTo(1);
                            return found;
                        },
                        found -> found.size() == 1
                                && !found.getFirst().at("/state").asString().equals("DRAFTING"));
        return drafts.getFirst();
    }

    /**
     * The renewal offer: a draft of the same product with twelve installments of {@code installment}, flagged as the
     * renewal of a marketplace agreement, its approval request pending.
     */
    private JsonNode renewalOffer(Deal deal, JsonNode draft, String installment) {
        var offerId = draft.at("/offerId").asString();
        var read = api.get("/api/v1/offers/" + offerId, deal.seller().author());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        var offer = read.json().at("/offer");
        assertThat(offer.at("/state").asString()).isEqualTo("Draft");
        assertThat(offer.at("/details/ProductId").asString())
                .isEqualTo(deal.seller().productId());
        assertThat(offer.at("/details/PreExistingAgreement/AcquisitionChannel").asString())
                .isEqualTo("AwsMarketplace");
        assertThat(offer.at("/details/PreExistingAgreement/PricingModel").asString())
                .isEqualTo("Contract");
        var schedule = term(offer, "PaymentScheduleTerm").at("/Schedule");
        assertThat(schedule.size()).isEqualTo(12);
        var total = BigDecimal.ZERO;
        for (var charge : schedule) {
            assertThat(new BigDecimal(charge.at("/ChargeAmount").asString())).isEqualByComparingTo(installment);
            total = total.add(new BigDecimal(charge.at("/ChargeAmount").asString()));
        }
        assertThat(total).isEqualByComparingTo(new BigDecimal(installment).multiply(BigDecimal.valueOf(12)));
        // Each installment keeps its place in the term: as far from the new start as the old one was from the old.
        var old = term(
                        api.get(
                                        "/api/v1/offers/" + deal.offerId(),
                                        deal.seller().author())
                                .json()
                                .at("/offer"),
                        "PaymentScheduleTerm")
                .at("/Schedule");
        for (int i = 0; i < 12; i++) {
            var offset =
                    Period.between(deal.start(), LocalDate.parse(day(old.get(i).at("/ChargeDate"))));
            assertThat(day(schedule.get(i).at("/ChargeDate")))
                    .isEqualTo(deal.end().plusDays(1).plus(offset).toString());
        }
        assertThat(term(offer, "RenewalTerm").isMissingNode()).isTrue();

        var approvals = api.get(
                "/api/v1/offers/" + offerId + "/approvals", deal.seller().author());
        assertThat(approvals.status()).as(approvals.body()).isEqualTo(200);
        assertThat(approvals.json().at("/latest/status").asString()).isEqualTo("PENDING");
        assertThat(approvals.json().at("/latest/id").asString())
                .isEqualTo(draft.at("/approvalRequestId").asString());
        assertThat(approvals.json().at("/latest/requestedBy").asString()).startsWith("Renewal engine");
        return offer;
    }

    private List<JsonNode> draftsOf(Deal deal) {
        var drafts = api.get("/api/v1/renewal-drafts", deal.seller().author());
        assertThat(drafts.status()).as(drafts.body()).isEqualTo(200);
        return StreamSupport.stream(drafts.json().at("/drafts").spliterator(), false)
                .filter(d -> d.at("/agreementId").asString().equals(deal.agreementId()))
                .toList();
    }

    private static JsonNode term(JsonNode offer, String type) {
        for (var term : offer.at("/details/Terms")) {
            if (term.at("/Type").asString().equals(type)) {
                return term;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /** The day of a date as offers describe it (midnight UTC). */
    private static String day(JsonNode date) {
        return date.asString().substring(0, 10);
    }

    private JsonNode created(String email, String path, String body) {
        var reply = api.post(path, email, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private CollectionFixtures clock() {
        return new CollectionFixtures(api, jdbc);
    }
}
