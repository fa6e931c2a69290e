package io.offerdesk.resale.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.changesets.ChangeError;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.resale.OfferExtendedStatus;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationStatus;
import io.offerdesk.resale.ResaleLegalDocument;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResaleDecisionsTests {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final UUID ISV = UUID.randomUUID();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final ProductFacts PRODUCT = new ProductFacts(
            "prod-aaaaaaaaaaaaa",
            "Acme Insights",
            ISV,
            ProductType.SAAS,
            Visibility.PUBLIC,
            Map.of("analysts", DimensionType.ENTITLED, "events", DimensionType.METERED),
            List.of(
                    new ListPrice.Contract("analysts", 12, Money.of(CurrencyUnit.USD, new BigDecimal("1200.00"))),
                    new ListPrice.Contract("analysts", 24, Money.of(CurrencyUnit.USD, new BigDecimal("2280.00"))),
                    new ListPrice.Usage("events", BigMoney.of(CurrencyUnit.USD, new BigDecimal("0.85")))));

    static ResaleContext context(Instant now) {
        return new ResaleContext(now, ISV, PRODUCT, null, Set.of("1.0"), () -> "resaleauthz-bbbbbbbbbbbbb");
    }

    static ResaleAuthorization draft() {
        return new ResaleAuthorization(
                "resaleauthz-aaaaaaaaaaaaa",
                ISV,
                PRODUCT.id(),
                new AccountId("300000000001"),
                UUID.randomUUID(),
                ResaleAuthorizationStatus.DRAFT,
                "Northwind",
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                null,
                0,
                null,
                NOW,
                NOW,
                1);
    }

    static ResaleChange parse(String type, String json) {
        var checks = new Validations();
        var change = ResaleChanges.parse(type, JSON.readTree(json), "DetailsDocument", checks);
        assertThat(checks.isValid()).as(checks.toString()).isTrue();
        return java.util.Objects.requireNonNull(change);
    }

    static ResaleAuthorization accepted(ResaleAuthorization current, ResaleChange change, Instant now) {
        var decision = ResaleDecisions.decide(current, change, context(now));
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted) decision).next();
    }

    static List<String> rejected(ResaleAuthorization current, ResaleChange change, Instant now) {
        var decision = ResaleDecisions.decide(current, change, context(now));
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision)
                .errors().stream().map(ChangeError::code).toList();
    }

    static ResaleAuthorization released(String availability) {
        var ra = accepted(draft(), parse("UpdateAvailability", availability), NOW);
        ra = accepted(
                ra,
                new ResaleChange.UpdateLegalTerms(
                        List.of(new ResaleLegalDocument(
                                ResaleLegalDocument.Type.CUSTOM_EULA, "https://acme.example/eula.pdf", null)),
                        List.of()),
                NOW);
        ra = accepted(ra, parse("UpdatePricingTerms", """
                        {"PricingModel":"Usage","Terms":[{"Type":"ResaleUsageBasedPricingTerm","DiscountPercentage":"20"}]}"""), NOW);
        return accepted(ra, new ResaleChange.Release(), NOW);
    }

    @Test
    void aDiscountOffListBecomesExplicitPricesRoundedOncePerPriceAtTheTermsScale() {
        var change = parse("UpdatePricingTerms", """
                {"PricingModel":"Contract","Terms":[
                  {"Type":"ResaleConfigurableUpfrontPricingTerm","DiscountPercentage":"12.5"},
                  {"Type":"ResaleUsageBasedPricingTerm","DiscountPercentage":"12.5"}]}""");
        var next = accepted(draft(), change, NOW);
        assertThat(next.pricingModel()).isEqualTo(OfferPricingModel.CONTRACT);
        var contract = (ConfigurableUpfrontPricingTerm) next.pricingTerms().get(0);
        assertThat(contract.currencyCode()).isEqualTo("USD");
        assertThat(contract.rateCards()).hasSize(2);
        // 1200.00 × 0.875 = 1050.00; 2280.00 × 0.875 = 1995.00
        assertThat(contract.rateCards().get(0).rateCard().get(0).price()).isEqualByComparingTo("1050.00");
        assertThat(contract.rateCards().get(1).rateCard().get(0).price()).isEqualByComparingTo("1995.00");
        var usage = (UsageBasedPricingTerm) next.pricingTerms().get(1);
        // 0.85 × 0.875 = 0.74375, kept at eight decimals.
        assertThat(usage.rateCards().get(0).rateCard().get(0).price()).isEqualTo(new BigDecimal("0.74375000"));
    }

    @Test
    void aDiscountNeedsListPricesOfItsKind() {
        var noList = new ResaleContext(
                NOW,
                ISV,
                new ProductFacts(
                        PRODUCT.id(),
                        PRODUCT.title(),
                        ISV,
                        ProductType.SAAS,
                        Visibility.LIMITED,
                        PRODUCT.dimensions(),
                        List.of()),
                null,
                Set.of(),
                () -> "x");
        var decision = ResaleDecisions.decide(draft(), parse("UpdatePricingTerms", """
                        {"PricingModel":"Usage","Terms":[{"Type":"ResaleUsageBasedPricingTerm","DiscountPercentage":"5"}]}"""), noList);
        assertThat(((Decision.Rejected) decision).errors())
                .extracting(ChangeError::code)
                .contains("MISSING_LIST_PRICES");
    }

    @Test
    void releaseMakesItActiveAndThenNothingButRestrictChangesIt() {
        var active = released("{\"AvailabilityEndDate\":\"2026-12-31\"}");
        assertThat(active.status()).isEqualTo(ResaleAuthorizationStatus.ACTIVE);
        assertThat(active.releasedAt()).isEqualTo(NOW);
        assertThat(rejected(active, parse("UpdateInformation", "{\"Name\":\"x\"}"), NOW))
                .containsExactly("INVALID_UPDATE_REQUEST");
        assertThat(rejected(active, new ResaleChange.Release(), NOW)).containsExactly("INVALID_UPDATE_REQUEST");

        var restricted = accepted(active, new ResaleChange.Restrict(), NOW);
        assertThat(restricted.status()).isEqualTo(ResaleAuthorizationStatus.RESTRICTED);
        assertThat(rejected(restricted, new ResaleChange.Restrict(), NOW)).containsExactly("INVALID_UPDATE_REQUEST");
        assertThat(rejected(draft(), new ResaleChange.Restrict(), NOW)).containsExactly("INVALID_UPDATE_REQUEST");
    }

    @Test
    void anExpiredAuthorizationCannotBeRestricted() {
        var active = released("{\"AvailabilityEndDate\":\"2026-12-31\"}");
        var lastInstant = Instant.parse("2026-12-31T23:59:59.999Z");
        assertThat(active.isExpired(lastInstant)).isFalse();
        assertThat(active.isExpired(lastInstant.plusMillis(1))).isTrue();
        assertThat(accepted(active, new ResaleChange.Restrict(), lastInstant).status())
                .isEqualTo(ResaleAuthorizationStatus.RESTRICTED);
        assertThat(rejected(active, new ResaleChange.Restrict(), lastInstant.plusMillis(1)))
                .containsExactly("INVALID_UPDATE_REQUEST");
    }

    @Test
    void releaseNamesTheMissingMandatoryTermsAndAFixedPriceWithoutSchedule() {
        assertThat(rejected(draft(), new ResaleChange.Release(), NOW)).containsExactly("MISSING_MANDATORY_TERMS");
        var fixed = accepted(draft(), parse("UpdatePricingTerms", """
                        {"PricingModel":"Contract","Terms":[{"Type":"ResaleFixedUpfrontPricingTerm","CurrencyCode":"USD",
                          "Price":"0.0","Duration":"P12M","Grants":[{"DimensionKey":"analysts"}]}]}"""), NOW);
        assertThat(rejected(fixed, new ResaleChange.Release(), NOW))
                .contains("MISSING_MANDATORY_TERMS", "INCOMPATIBLE_PRICING_TERM");
    }

    @Test
    void aPaymentScheduleNeedsASingleUseDatedAuthorizationAndFutureDatesAfterItsEnd() {
        var schedule = parse("UpdatePaymentScheduleTerms", """
                {"Terms":[{"Type":"ResalePaymentScheduleTerm","CurrencyCode":"USD",
                  "Schedule":[{"ChargeDate":"2027-01-15","ChargeAmount":"100.00"}]}]}""");
        assertThat(rejected(draft(), schedule, NOW)).containsExactly("INCOMPATIBLE_TERMS");
        var singleUse = accepted(
                draft(),
                parse("UpdateAvailability", "{\"AvailabilityEndDate\":\"2026-12-31\",\"OffersMaxQuantity\":1}"),
                NOW);
        assertThat(accepted(singleUse, schedule, NOW).paymentSchedule()).isNotNull();
        var beforeEnd = parse("UpdatePaymentScheduleTerms", """
                {"Terms":[{"Type":"ResalePaymentScheduleTerm","CurrencyCode":"USD",
                  "Schedule":[{"ChargeDate":"2026-12-15","ChargeAmount":"100.00"},
                              {"ChargeDate":"2026-12-15","ChargeAmount":"100.001"}]}]}""");
        assertThat(rejected(singleUse, beforeEnd, NOW))
                .contains("INVALID_CHARGE_DATE", "DUPLICATE_CHARGE_DATES", "INVALID_CHARGE_AMOUNT");
    }

    @Test
    void theExtendedStatusFollowsTheOffersCreatedAndWhetherMoreCanBeMade() {
        var single = released("{\"AvailabilityEndDate\":\"2026-12-31\",\"OffersMaxQuantity\":1}");
        assertThat(single.extendedStatus(NOW)).isEqualTo(OfferExtendedStatus.NOT_STARTED);
        assertThat(single.withOffersCreated(1).extendedStatus(NOW)).isEqualTo(OfferExtendedStatus.COMPLETED_USED);
        var unlimited = released("{}");
        assertThat(unlimited.unlimited()).isTrue();
        assertThat(unlimited.withOffersCreated(3).extendedStatus(NOW)).isEqualTo(OfferExtendedStatus.COMPLETED_USABLE);
        var dated = released("{\"AvailabilityEndDate\":\"2026-12-31\"}").withOffersCreated(2);
        assertThat(dated.extendedStatus(Instant.parse("2027-01-01T00:00:00Z")))
                .isEqualTo(OfferExtendedStatus.COMPLETED_USED);
    }

    @Test
    void aCloneIsANewDraftWithTheSameContentAndNoOffers() {
        var source = released("{\"AvailabilityEndDate\":\"2026-12-31\"}").withOffersCreated(2);
        var later = NOW.plusSeconds(60);
        var copy = ResaleDecisions.cloneOf(source, "resaleauthz-ccccccccccccc", "Copy of Northwind", later);
        assertThat(copy.status()).isEqualTo(ResaleAuthorizationStatus.DRAFT);
        assertThat(copy.offersCreated()).isZero();
        assertThat(copy.releasedAt()).isNull();
        assertThat(copy.createdAt()).isEqualTo(later);
        assertThat(copy.pricingTerms()).isEqualTo(source.pricingTerms());
        assertThat(copy.buyerLegalTerms()).isEqualTo(source.buyerLegalTerms());
        assertThat(copy.availabilityEndDate()).isEqualTo(LocalDate.parse("2026-12-31"));
    }

    @Test
    void shapeChecksNameEveryBrokenField() {
        var checks = new Validations();
        ResaleChanges.parse("UpdateBuyerTargetingTerms", JSON.readTree("""
                        {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":["1","400000000001","400000000001"]}}],
                         "Extra":1}"""), "D", checks);
        var invalid = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.offerdesk.shared.InvalidInput.class, checks::throwIfInvalid);
        assertThat(invalid.violations())
                .extracting(io.offerdesk.shared.FieldViolation::field)
                .containsExactlyInAnyOrder(
                        "D.Extra",
                        "D.Terms[0].PositiveTargeting.BuyerAccounts[0]",
                        "D.Terms[0].PositiveTargeting.BuyerAccounts[2]");
    }

    @Test
    void aStandardEulaNamesAKnownVersionOfTheStandardContract() {
        var unknown = parse("UpdateLegalTerms", """
                {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula","Version":"9.9"}]}]}""");
        assertThat(rejected(draft(), unknown, NOW)).containsExactly("INVALID_LEGAL_DOCUMENTS");
        var known = parse("UpdateLegalTerms", """
                {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula","Version":"1.0"}]}]}""");
        var next = accepted(draft(), known, NOW);
        assertThat(next.wholesaleTerms())
                .singleElement()
                .hasToString("LegalTerm[documents=[LegalDocument[type=STANDARD_EULA, url=null, version=1.0]]]");
    }

    @Test
    void aStandardEulaNamedByItsUrlAloneIsTheVersionInForce() {
        var byUrl = parse("UpdateLegalTerms", """
                {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula","Url":"https://acme.example/eula.pdf"}]}]}""");
        var next = accepted(draft(), byUrl, NOW);
        assertThat(next.buyerLegalTerms())
                .singleElement()
                .extracting(ResaleLegalDocument::version)
                .isEqualTo("1.0");
    }
}
