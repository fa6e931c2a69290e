package io.offerdesk.resale;

import static io.offerdesk.resale.ResaleFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.resale.ResaleFixtures.ISV;
import static io.offerdesk.resale.ResaleFixtures.OTHER_ISV;
import static io.offerdesk.resale.ResaleFixtures.PARTNER;
import static io.offerdesk.resale.ResaleFixtures.PARTNER_ACCOUNT;
import static io.offerdesk.resale.ResaleFixtures.buyers;
import static io.offerdesk.resale.ResaleFixtures.change;
import static io.offerdesk.resale.ResaleFixtures.create;
import static io.offerdesk.resale.ResaleFixtures.legal;
import static io.offerdesk.resale.ResaleFixtures.release;
import static io.offerdesk.resale.ResaleFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.ResaleAuthorizationSource;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EndToEndTest
class ResaleAuthorizationApiTests {

    @Autowired
    TestApi api;

    @Autowired
    ResaleAuthorizationSource source;

    @Autowired
    PrincipalSource principals;

    ResaleFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ResaleFixtures(api);
    }

    @Test
    void anIsvAuthorizesThePartnerForOneBuyerAtTwentyPercentOffListAndThePartnerSeesTheWholesaleTerms() {
        var id = fixtures.released(true);
        assertThat(id).matches("resaleauthz-[a-z0-9]{13}");

        var isv = api.get("/api/v1/resale-authorizations/" + id, ISV);
        assertThat(isv.status()).isEqualTo(200);
        assertThat(isv.json().at("/status").asString()).isEqualTo("Active");
        assertThat(isv.json().at("/offerExtendedStatus").asString()).isEqualTo("Not Started");
        var details = isv.json().at("/details");
        assertThat(details.at("/Status").asString()).isEqualTo("Active");
        assertThat(details.at("/ProductName").asString()).isEqualTo("Acme Insights");
        assertThat(details.at("/PricingModel").asString()).isEqualTo("Contract");
        assertThat(details.at("/ManufacturerLegalName").asString()).isEqualTo("Acme Analytics");
        assertThat(details.at("/ManufacturerAccountId").asString()).isEqualTo("200000000001");
        assertThat(details.at("/OfferDetails/OfferCreatedCount").asInt()).isZero();
        var terms = details.at("/Terms");
        var configurable = term(terms, "ResaleConfigurableUpfrontPricingTerm");
        // 1200.00 and 240.00 list for 12 months, 20% off, one rounding per price at the currency's scale.
        assertThat(configurable.toString()).contains("\"P12M\"", "\"960.00\"", "\"192.00\"", "\"1824.00\"");
        assertThat(configurable.at("/Id").asString()).matches("term-[0-9a-f]{32}");
        assertThat(term(terms, "ResaleUsageBasedPricingTerm").toString()).contains("\"0.68000000\"");
        assertThat(term(terms, "BuyerTargetingTerm")
                        .at("/PositiveTargeting/BuyerAccounts/0/LegalName")
                        .asString())
                .isEqualTo("Globex Corporation");
        assertThat(term(terms, "BuyerLegalTerm").at("/Documents/0/Type").asString())
                .isEqualTo("StandardEula");
        var rules = details.at("/Rules");
        assertThat(term(rules, "AvailabilityRule").at("/OffersMaxQuantity").asInt())
                .isEqualTo(1);
        assertThat(term(rules, "AvailabilityRule").at("/AvailabilityEndDate").asString())
                .endsWith("T23:59:59.999Z");
        assertThat(term(rules, "PartnerTargetingRule").at("/ResellerAccountId").asString())
                .isEqualTo(PARTNER_ACCOUNT);
        assertThat(term(rules, "PartnerTargetingRule").at("/ResellerLegalName").asString())
                .isEqualTo("Northwind Resellers");

        var inbox = api.get("/api/v1/shared-resale-authorizations?limit=100", PARTNER)
                .json();
        assertThat(inbox.at("/authorizations").findValuesAsString("id")).contains(id);
        var shared = api.get("/api/v1/shared-resale-authorizations/" + id, PARTNER);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json().at("/details").toString()).contains("\"960.00\"");

        var facts = source.forReseller(partyOf(PARTNER), id).orElseThrow();
        assertThat(facts.active()).isTrue();
        assertThat(facts.offersMaxQuantity()).isEqualTo(1);
        assertThat(facts.wholesaleTerms())
                .extracting(io.offerdesk.offers.Term::type)
                .containsExactlyInAnyOrder("ConfigurableUpfrontPricingTerm", "UsageBasedPricingTerm", "LegalTerm");
        assertThat(source.forReseller(partyOf(OTHER_ISV), id)).isEmpty();
    }

    @Test
    void aReleasedAuthorizationCannotBeEditedButCanBeClonedIntoADraftThePartnerDoesNotSee() {
        var id = fixtures.released(false);

        var codes = fixtures.failed(ISV, List.of(change("UpdateInformation", id, null, "{\"Name\":\"Renamed\"}")));
        assertThat(codes).containsExactly("INVALID_UPDATE_REQUEST");

        var cloned = api.post("/api/v1/resale-authorizations/" + id + "/clone", ISV, "{}");
        assertThat(cloned.status()).isEqualTo(201);
        var copy = cloned.json().at("/id").asString();
        assertThat(copy).isNotEqualTo(id);
        assertThat(cloned.json().at("/status").asString()).isEqualTo("Draft");
        assertThat(cloned.json().at("/name").asString()).startsWith("Copy of Northwind resale");
        assertThat(cloned.json().at("/details").toString()).contains("\"960.00\"");

        assertThat(api.get("/api/v1/shared-resale-authorizations/" + copy, PARTNER)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/shared-resale-authorizations?limit=100", PARTNER)
                        .json()
                        .at("/authorizations")
                        .findValuesAsString("id"))
                .doesNotContain(copy);

        var edited = fixtures.succeeded(
                ISV, List.of(change("UpdateInformation", copy, null, "{\"Name\":\"Renewal for Globex\"}")));
        assertThat(edited.at("/changeSet/0/entity/identifier").asString()).isEqualTo(copy + "@2");
        var released = fixtures.succeeded(ISV, List.of(change("ReleaseResaleAuthorization", copy, null, "{}")));
        assertThat(api.get("/api/v1/resale-authorizations/" + copy, ISV)
                        .json()
                        .at("/status")
                        .asString())
                .as(released.toString())
                .isEqualTo("Active");
    }

    @Test
    void restrictingIsIrreversibleAndStopsNewOffersWhilePartnersStillSeeIt() {
        var id = fixtures.released(false);
        assertThat(source.claim(id, new OfferId("offer-aaaaaaaaaaaa1"), fixtures.today()))
                .isTrue();

        var restricted = api.post("/api/v1/resale-authorizations/" + id + "/restrict", ISV, "{}");
        var done = api.finishedChangeSet(ISV, restricted);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var isv = api.get("/api/v1/resale-authorizations/" + id, ISV).json();
        assertThat(isv.at("/status").asString()).isEqualTo("Restricted");
        assertThat(isv.at("/offerExtendedStatus").asString()).isEqualTo("Completed-Used");

        assertThat(source.claim(id, new OfferId("offer-aaaaaaaaaaaa2"), fixtures.today()))
                .isFalse();
        assertThat(source.forReseller(partyOf(PARTNER), id).orElseThrow().active())
                .isFalse();
        assertThat(api.get("/api/v1/shared-resale-authorizations/" + id, PARTNER)
                        .json()
                        .at("/status")
                        .asString())
                .isEqualTo("Restricted");

        var again = fixtures.failed(ISV, List.of(change("RestrictResaleAuthorization", id, null, "{}")));
        assertThat(again).containsExactly("INVALID_UPDATE_REQUEST");
        var backToDraft = fixtures.failed(ISV, List.of(change("ReleaseResaleAuthorization", id, null, "{}")));
        assertThat(backToDraft).containsExactly("INVALID_UPDATE_REQUEST");
    }

    @Test
    void aSingleUseAuthorizationIsConsumedByItsFirstOfferAndAnExpiredOneMakesNone() {
        var single = fixtures.released(true);
        assertThat(source.claim(single, new OfferId("offer-bbbbbbbbbbbb1"), fixtures.today()))
                .isTrue();
        assertThat(source.claim(single, new OfferId("offer-bbbbbbbbbbbb2"), fixtures.today()))
                .isFalse();
        var used = api.get("/api/v1/resale-authorizations/" + single, ISV).json();
        assertThat(used.at("/offerExtendedStatus").asString()).isEqualTo("Completed-Used");
        assertThat(used.at("/offerCreatedCount").asInt()).isEqualTo(1);
        assertThat(used.at("/details/OfferDetails/OfferCreatedCount").asInt()).isEqualTo(1);

        var reusable = fixtures.released(false);
        assertThat(source.claim(reusable, new OfferId("offer-cccccccccccc1"), fixtures.today()))
                .isTrue();
        assertThat(source.claim(reusable, new OfferId("offer-cccccccccccc2"), fixtures.today()))
                .isTrue();
        var usable = api.get("/api/v1/resale-authorizations/" + reusable, ISV).json();
        assertThat(usable.at("/offerExtendedStatus").asString()).isEqualTo("Completed-Usable");
        assertThat(usable.at("/offerCreatedCount").asInt()).isEqualTo(2);

        // The availability ends 30 days from today: on day 31 it has expired and makes no offer.
        assertThat(source.claim(
                        reusable,
                        new OfferId("offer-cccccccccccc3"),
                        fixtures.today().plusDays(31)))
                .isFalse();
        var draft = ResaleFixtures.id(
                fixtures.succeeded(ISV, List.of(create(fixtures.productId("Acme Insights"), PARTNER_ACCOUNT))));
        assertThat(source.claim(draft, new OfferId("offer-cccccccccccc4"), fixtures.today()))
                .isFalse();
    }

    @Test
    void onlyTheIsvAndThePartnerItIsSharedWithSeeAnAuthorization() {
        var id = fixtures.released(false);
        var otherPartner = onboardPartner();
        assertThat(api.get("/api/v1/shared-resale-authorizations/" + id, otherPartner)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/shared-resale-authorizations?limit=100", otherPartner)
                        .json()
                        .at("/authorizations")
                        .findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/resale-authorizations/" + id, OTHER_ISV).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/resale-authorizations/" + id, PARTNER).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/resale-authorizations?limit=100", OTHER_ISV)
                        .json()
                        .at("/authorizations")
                        .findValuesAsString("id"))
                .doesNotContain(id);
        // Another ISV can neither change nor restrict it: to it, the authorization does not exist.
        var foreign = api.post(
                "/api/v1/change-sets",
                OTHER_ISV,
                OfferFixtures.set(List.of(change("RestrictResaleAuthorization", id, null, "{}"))));
        assertThat(foreign.status()).isEqualTo(404);

        var draft = ResaleFixtures.id(
                fixtures.succeeded(ISV, List.of(create(fixtures.productId("Acme Insights"), PARTNER_ACCOUNT))));
        assertThat(api.get("/api/v1/shared-resale-authorizations/" + draft, PARTNER)
                        .status())
                .isEqualTo(404);

        var listed = api.get(
                        "/api/v1/resale-authorizations?status=DRAFT&resellerAccountId=" + PARTNER_ACCOUNT
                                + "&limit=100",
                        ISV)
                .json()
                .at("/authorizations");
        assertThat(listed.findValuesAsString("id")).contains(draft).doesNotContain(id);
    }

    @Test
    void theResellerMustBeAChannelPartnerAndTheProductTheIsvsOwn() {
        var buyerAccount = fixtures.failed(ISV, List.of(create(fixtures.productId("Acme Insights"), GLOBEX_ACCOUNT)));
        assertThat(buyerAccount).containsExactly("INVALID_RESELLER_ACCOUNT");
        var unknown = fixtures.failed(ISV, List.of(create(fixtures.productId("Acme Insights"), "999999999999")));
        assertThat(unknown).containsExactly("INVALID_RESELLER_ACCOUNT");
        var nimbusProduct =
                fixtures.failed(OTHER_ISV, List.of(create(fixtures.productId("Acme Insights"), PARTNER_ACCOUNT)));
        assertThat(nimbusProduct).containsExactly("INCOMPATIBLE_PRODUCT");
    }

    @Test
    void releaseNeedsTheBuyerEulaAndPricingAndAFixedPriceComesWithItsSchedule() {
        var product = fixtures.productId("Acme Insights");
        var bare = fixtures.failed(ISV, List.of(create(product, PARTNER_ACCOUNT), release()));
        assertThat(bare).containsExactly("MISSING_MANDATORY_TERMS");

        var fixedWithoutSchedule =
                fixtures.failed(ISV, List.of(create(product, PARTNER_ACCOUNT), legal(), fixed(), release()));
        assertThat(fixedWithoutSchedule).contains("INCOMPATIBLE_PRICING_TERM");

        var today = fixtures.today();
        var scheduled = fixtures.succeeded(
                ISV,
                List.of(
                        create(product, PARTNER_ACCOUNT),
                        buyers(GLOBEX_ACCOUNT),
                        fixtures.availability(10, true),
                        legal(),
                        fixed(),
                        schedule(today.plusDays(20), today.plusDays(50)),
                        update("UpdateNetPaymentTerms", """
                                {"Terms":[{"Type":"ResaleNetPaymentTerm","PaymentDuePeriod":"P30D"}]}"""),
                        update("UpdateBuyerValidityTerms", """
                                {"Terms":[{"Type":"BuyerValidityTerm","MaximumAgreementStartDate":"%s"}]}""".formatted(today.plusMonths(6))),
                        update("UpdateInformation", """
                                {"PreExistingBuyerAgreement":{"AcquisitionChannel":"External","PricingModel":"Contract"}}"""),
                        release()));
        var id = ResaleFixtures.id(scheduled);
        var details = api.get("/api/v1/resale-authorizations/" + id, ISV).json().at("/details");
        assertThat(term(details.at("/Terms"), "ResalePaymentScheduleTerm")
                        .at("/Schedule")
                        .size())
                .isEqualTo(2);
        assertThat(term(details.at("/Terms"), "ResaleNetPaymentTerm")
                        .at("/PaymentDuePeriod")
                        .asString())
                .isEqualTo("P30D");
        assertThat(details.at("/PreExistingBuyerAgreement/AcquisitionChannel").asString())
                .isEqualTo("External");
        var facts = source.forReseller(partyOf(PARTNER), id).orElseThrow();
        assertThat(facts.netPaymentCeiling()).isNotNull();
        assertThat(facts.maximumAgreementStartDate()).isEqualTo(today.plusMonths(6));
        assertThat(facts.wholesaleTerms())
                .extracting(io.offerdesk.offers.Term::type)
                .contains("FixedUpfrontPricingTerm", "PaymentScheduleTerm");

        var reusable = fixtures.failed(
                ISV,
                List.of(
                        create(product, PARTNER_ACCOUNT),
                        fixtures.availability(10, false),
                        fixed(),
                        schedule(today.plusDays(20))));
        assertThat(reusable).contains("INCOMPATIBLE_TERMS");
    }

    @Test
    void changesBreakingTheRulesFailWithTheirCodes() {
        var product = fixtures.productId("Acme Insights");
        var today = fixtures.today();
        var many = IntStream.range(0, 26)
                .mapToObj(i -> "4%011d".formatted(i + 1000))
                .toArray(String[]::new);
        assertThat(fixtures.failed(ISV, List.of(create(product, PARTNER_ACCOUNT), buyers(many))))
                .containsExactly("TOO_MANY_BUYER_ACCOUNTS");
        assertThat(fixtures.failed(
                        ISV, List.of(create(product, PARTNER_ACCOUNT), update("UpdateAvailability", """
                        {"AvailabilityEndDate":"%s"}""".formatted(
                                        today.minusDays(1))))))
                .containsExactly("INVALID_AVAILABILITY_END_DATE");
        assertThat(fixtures.failed(
                        ISV, List.of(create(product, PARTNER_ACCOUNT), update("UpdateBuyerValidityTerms", """
                        {"Terms":[{"Type":"BuyerValidityTerm","MaximumAgreementStartDate":"%s"}]}""".formatted(
                                        today.plusYears(3).plusDays(1))))))
                .containsExactly("INVALID_AGREEMENT_START_DATE");
        var ami = fixtures.productId("Acme Edge Appliance");
        assertThat(fixtures.failed(
                        ISV, List.of(create(ami, PARTNER_ACCOUNT), update("UpdateBuyerValidityTerms", """
                        {"Terms":[{"Type":"BuyerValidityTerm","MaximumAgreementStartDate":"%s"}]}""".formatted(
                                        today.plusMonths(1))))))
                .containsExactly("INCOMPATIBLE_PRODUCT");
        assertThat(fixtures.failed(ISV, List.of(create(product, PARTNER_ACCOUNT), update("UpdatePricingTerms", """
                        {"PricingModel":"Usage","Terms":[{"Type":"ResaleUsageBasedPricingTerm","CurrencyCode":"EUR",
                          "RateCards":[{"RateCard":[{"DimensionKey":"events","Price":"0.5"}]}]}]}"""))))
                .containsExactly("INVALID_CURRENCY_CODE");
        assertThat(fixtures.failed(ISV, List.of(create(product, PARTNER_ACCOUNT), update("UpdatePricingTerms", """
                        {"PricingModel":"Usage","Terms":[{"Type":"ResaleUsageBasedPricingTerm","CurrencyCode":"USD",
                          "RateCards":[{"RateCard":[{"DimensionKey":"analysts","Price":"0.5"}]}]}]}"""))))
                .containsExactly("INCOMPATIBLE_TERMS");
        assertThat(fixtures.failed(
                        ISV, List.of(create(product, PARTNER_ACCOUNT), update("UpdateNetPaymentTerms", """
                        {"Terms":[{"Type":"ResaleNetPaymentTerm","PaymentDuePeriod":"P31D"}]}"""))))
                .containsExactly("INVALID_PAYMENT_DUE_PERIOD");
    }

    @Test
    void malformedChangesAreRefusedAtOnceNamingTheField() {
        var product = fixtures.productId("Acme Insights");
        var reply = api.post(
                "/api/v1/change-sets",
                ISV,
                OfferFixtures.set(List.of(
                        change("CreateResaleAuthorization", null, "RA", """
                                {"ProductId":"%s","ResellerAccountId":"12345"}""".formatted(product)),
                        update("UpdateAvailability", "{\"OffersMaxQuantity\":2}"),
                        update("UpdateLegalTerms", """
                                {"Terms":[{"Type":"ResaleLegalTerm","Documents":[{"Type":"CustomResellerContract",
                                  "Url":"https://acme.example/c.pdf"}]}]}"""),
                        update("UpdatePricingTerms", """
                                {"PricingModel":"Contract","Terms":[{"Type":"ResaleConfigurableUpfrontPricingTerm",
                                  "DiscountPercentage":"100"},{"Type":"ResaleFixedUpfrontPricingTerm",
                                  "CurrencyCode":"USD","Price":"ten","Grants":[{"DimensionKey":"analysts"}]}]}"""))));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/errors").findValuesAsString("field"))
                .contains(
                        "changeSet[0].detailsDocument.Name",
                        "changeSet[0].detailsDocument.ResellerAccountId",
                        "changeSet[1].detailsDocument.OffersMaxQuantity",
                        "changeSet[2].detailsDocument.Terms",
                        "changeSet[3].detailsDocument.Terms[0].DiscountPercentage",
                        "changeSet[3].detailsDocument.Terms[1].Price");
    }

    String fixed() {
        return update("UpdatePricingTerms", """
                {"PricingModel":"Contract","Terms":[{"Type":"ResaleFixedUpfrontPricingTerm","CurrencyCode":"USD",
                  "Price":"0.0","Duration":"P12M","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}""");
    }

    static String schedule(java.time.LocalDate... dates) {
        var charges = java.util.Arrays.stream(dates)
                .map(d -> "{\"ChargeDate\":\"" + d + "\",\"ChargeAmount\":\"5000.00\"}")
                .collect(Collectors.joining(","));
        return update("UpdatePaymentScheduleTerms", """
                {"Terms":[{"Type":"ResalePaymentScheduleTerm","CurrencyCode":"USD","Schedule":[%s]}]}""".formatted(charges));
    }

    static JsonNode term(JsonNode terms, String type) {
        for (var term : terms) {
            if (term.at("/Type").asString().equals(type)) {
                return term;
            }
        }
        throw new AssertionError("no " + type + " in " + terms);
    }

    java.util.UUID partyOf(String email) {
        return principals.findLogin(email).orElseThrow().principal().partyId();
    }

    /** A second channel partner, onboarded by the operator; returns its admin's e-mail. */
    String onboardPartner() {
        var account = "7" + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var email = "admin-" + account + "@contoso-resellers.example";
        var onboarded =
                api.post("/api/v1/parties", "operator@offerdesk.example", """
                {"kind":"CHANNEL_PARTNER","name":"Contoso Resellers %s","accountId":"%s",
                 "adminEmail":"%s","adminName":"Cora Admin"}""".formatted(account, account, email));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        var token = onboarded.json().at("/adminInvitationToken").asString();
        assertThat(api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"long-enough-1\"}")
                        .status())
                .isEqualTo(200);
        return email;
    }
}
