package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferFixtures.AVAILABILITY_END;
import static io.offerdesk.offers.internal.domain.OfferFixtures.BUYER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.NOW;
import static io.offerdesk.offers.internal.domain.OfferFixtures.OFFER_ID;
import static io.offerdesk.offers.internal.domain.OfferFixtures.SAAS;
import static io.offerdesk.offers.internal.domain.OfferFixtures.SELLER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.STANDARD_VERSION;
import static io.offerdesk.offers.internal.domain.OfferFixtures.TODAY;
import static io.offerdesk.offers.internal.domain.OfferFixtures.accepted;
import static io.offerdesk.offers.internal.domain.OfferFixtures.charge;
import static io.offerdesk.offers.internal.domain.OfferFixtures.codes;
import static io.offerdesk.offers.internal.domain.OfferFixtures.fixedUpfront;
import static io.offerdesk.offers.internal.domain.OfferFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.changesets.ChangeError;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.ReplaceableAgreements.AgreementFacts;
import io.offerdesk.offers.Resale;
import io.offerdesk.offers.ResaleAuthorizationSource.AuthorizationFacts;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOffer;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOfferUsingResaleAuthorization;
import io.offerdesk.offers.internal.domain.OfferChange.CreateReplacementOffer;
import io.offerdesk.offers.internal.domain.OfferChange.CreateReplacementOfferUsingResaleAuthorization;
import io.offerdesk.offers.internal.domain.OfferChange.ReleaseOffer;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateAvailability;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateLegalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateMarkup;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateNetPaymentTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePaymentScheduleTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePricingTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateTargeting;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateValidityTerms;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Channel partner private offers: made from a resale authorization, marked up, never below wholesale. */
class ResaleOfferTests {

    static final UUID PARTNER = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    static final String AUTHORIZATION = "resaleauthz-abcdefghijklm";
    static final AccountId OTHER_BUYER = new AccountId("222222222222");
    static final AccountId STRANGER = new AccountId("333333333333");
    static final String ISV_EULA = "https://s3.amazonaws.com/isv-bucket/isv-eula.pdf";
    static final LocalDate FIRST_CHARGE = TODAY.plusDays(5);
    static final LocalDate SECOND_CHARGE = TODAY.plusDays(40);
    static final LocalDate AUTHORIZATION_END = TODAY.plusDays(30);
    static final LocalDate MAX_START = TODAY.plusDays(200);

    static final List<Term> WHOLESALE = List.of(
            fixedUpfront("USD", "0"),
            schedule("USD", charge(FIRST_CHARGE, "1000.00"), charge(SECOND_CHARGE, "333.33")),
            // The manufacturer's own EULA, which the partner did not upload.
            new LegalTerm(List.of(new LegalDocument(DocumentType.CUSTOM_EULA, ISV_EULA, null))));

    static AuthorizationFacts authorization(
            boolean active, @Nullable LocalDate end, @Nullable Integer max, int created, List<AccountId> buyers) {
        return authorization(active, end, max, created, buyers, OfferPricingModel.CONTRACT, WHOLESALE);
    }

    static AuthorizationFacts authorization(
            boolean active,
            @Nullable LocalDate end,
            @Nullable Integer max,
            int created,
            List<AccountId> buyers,
            OfferPricingModel model,
            List<Term> wholesale) {
        return new AuthorizationFacts(
                AUTHORIZATION,
                SELLER,
                SAAS.id(),
                active,
                end,
                max,
                created,
                buyers,
                MAX_START,
                model,
                wholesale,
                new NetPaymentTerm(Period.ofDays(60)),
                null);
    }

    static final AuthorizationFacts ACTIVE =
            authorization(true, AUTHORIZATION_END, null, 0, List.of(BUYER, OTHER_BUYER));

    static OfferContext context(@Nullable AuthorizationFacts authorization, @Nullable AgreementFacts agreement) {
        return new OfferContext(
                NOW,
                PARTNER,
                SAAS,
                OfferLimits.DEFAULTS,
                Set.of(STANDARD_VERSION),
                url -> false,
                false,
                () -> OFFER_ID,
                agreement,
                authorization);
    }

    static Decision decide(@Nullable Offer current, OfferChange change) {
        return decide(current, change, ACTIVE);
    }

    static Decision decide(@Nullable Offer current, OfferChange change, AuthorizationFacts authorization) {
        return OfferDecisions.decide(current, change, context(authorization, null));
    }

    static Offer created(AuthorizationFacts authorization) {
        return accepted(decide(
                null,
                new CreateOfferUsingResaleAuthorization(AUTHORIZATION, "Globex via Northwind", "CPPO"),
                authorization));
    }

    /** A CPPO with everything release needs. */
    static Offer ready() {
        var offer = created(ACTIVE);
        offer = accepted(decide(offer, new UpdateTargeting(new TargetingRule(List.of(BUYER), List.of(), List.of()))));
        offer = accepted(decide(offer, new UpdateAvailability(AVAILABILITY_END)));
        return accepted(decide(offer, new UpdateValidityTerms(new ValidityTerm(Period.ofMonths(12), null, null))));
    }

    static UpdatePaymentScheduleTerms ownSchedule(String first, String second) {
        return new UpdatePaymentScheduleTerms(
                schedule("USD", charge(FIRST_CHARGE, first), charge(SECOND_CHARGE, second)));
    }

    static List<BigDecimal> amounts(Offer offer) {
        return offer.term(PaymentScheduleTerm.class).orElseThrow().schedule().stream()
                .map(Installment::chargeAmount)
                .toList();
    }

    static Resale resale(Offer offer) {
        return Objects.requireNonNull(offer.resale(), "a resale offer");
    }

    static List<String> messages(Decision decision) {
        return decision instanceof Decision.Rejected rejected
                ? rejected.errors().stream().map(ChangeError::message).toList()
                : List.of();
    }

    @Nested
    class Creating {

        @Test
        void inheritsTheWholesaleTermsTheEulaAndTheBuyersOfTheAuthorization() {
            var offer = accepted(decide(
                    null, new CreateOfferUsingResaleAuthorization(AUTHORIZATION, "Globex via Northwind", "CPPO")));

            assertThat(offer.sellerPartyId()).isEqualTo(PARTNER);
            assertThat(offer.productId()).isEqualTo(SAAS.id());
            assertThat(offer.state()).isEqualTo(OfferState.DRAFT);
            assertThat(offer.name()).isEqualTo("Globex via Northwind");
            assertThat(offer.description()).isEqualTo("CPPO");
            assertThat(offer.pricingModel()).isEqualTo(OfferPricingModel.CONTRACT);
            assertThat(offer.terms()).containsExactlyInAnyOrderElementsOf(WHOLESALE);
            assertThat(offer.buyerAccounts()).containsExactly(BUYER, OTHER_BUYER);
            var resale = resale(offer);
            assertThat(resale.authorizationId()).isEqualTo(AUTHORIZATION);
            assertThat(resale.manufacturerPartyId()).isEqualTo(SELLER);
            assertThat(resale.markupPercentage()).isNull();
            assertThat(resale.wholesaleTerms()).containsExactly(WHOLESALE.get(0), WHOLESALE.get(1));
        }

        @Test
        void namesTheNewestStandardContractVersionForAStandardEulaTheAuthorizationNamesByUrl() {
            var standard = new LegalTerm(
                    List.of(new LegalDocument(DocumentType.STANDARD_EULA, "https://acme.example/scmp.pdf", null)));
            var authorization = authorization(
                    true,
                    null,
                    null,
                    0,
                    List.of(),
                    OfferPricingModel.CONTRACT,
                    List.of(WHOLESALE.get(0), WHOLESALE.get(1), standard));

            var offer = created(authorization);

            assertThat(offer.term(LegalTerm.class).orElseThrow().documents())
                    .containsExactly(new LegalDocument(DocumentType.STANDARD_EULA, null, STANDARD_VERSION));
        }

        @Test
        void targetsNobodyYetWhenTheAuthorizationNamesNoBuyers() {
            var offer = created(authorization(true, null, null, 0, List.of()));

            assertThat(offer.buyerAccounts()).isEmpty();
        }

        @Test
        void refusesARestrictedAnExpiredOrAUsedUpAuthorization() {
            var create = new CreateOfferUsingResaleAuthorization(AUTHORIZATION, null, null);

            assertThat(codes(decide(null, create, authorization(false, null, null, 0, List.of()))))
                    .containsExactly("INCOMPATIBLE_RESALE_AUTHORIZATION");
            assertThat(codes(decide(null, create, authorization(true, TODAY.minusDays(1), null, 0, List.of()))))
                    .containsExactly("INCOMPATIBLE_RESALE_AUTHORIZATION");
            assertThat(codes(decide(null, create, authorization(true, null, 1, 1, List.of()))))
                    .containsExactly("INCOMPATIBLE_RESALE_AUTHORIZATION");
            assertThat(codes(decide(null, create, authorization(true, TODAY, 1, 0, List.of()))))
                    .isEmpty();
        }
    }

    @Nested
    class Markup {

        @Test
        void raisesEveryInstallmentRoundingEachOnceAtTheCurrencyScale() {
            var offer = accepted(decide(created(ACTIVE), new UpdateMarkup(new BigDecimal("8"))));

            // 333.33 × 1.08 = 359.9964 → 360.00
            assertThat(amounts(offer)).containsExactly(new BigDecimal("1080.00"), new BigDecimal("360.00"));
            assertThat(resale(offer).markupPercentage()).isEqualByComparingTo("8");
        }

        @Test
        void overwritesAnEarlierMarkupInsteadOfCompoundingIt() {
            var once = accepted(decide(created(ACTIVE), new UpdateMarkup(new BigDecimal("8"))));
            var again = accepted(decide(once, new UpdateMarkup(new BigDecimal("7.5"))));

            // 333.33 × 1.075 = 358.32975 → 358.33
            assertThat(amounts(again)).containsExactly(new BigDecimal("1075.00"), new BigDecimal("358.33"));
            assertThat(resale(again).markupPercentage()).isEqualByComparingTo("7.5");
            assertThat(resale(again).wholesaleTerms()).containsExactly(WHOLESALE.get(0), WHOLESALE.get(1));
        }

        @Test
        void raisesUnitPricesAtTheirTermsScale() {
            List<Term> wholesale = List.of(
                    new ConfigurableUpfrontPricingTerm(
                            "USD",
                            List.of(new ContractRateCard(
                                    Period.ofMonths(12),
                                    new Constraints(Constraint.ALLOWED, Constraint.ALLOWED),
                                    List.of(new Rate("users", new BigDecimal("99.995")))))),
                    new UsageBasedPricingTerm(
                            "USD",
                            List.of(new UsageRateCard(List.of(new Rate("calls", new BigDecimal("0.00012345")))))));
            var authorization = authorization(true, null, null, 0, List.of(), OfferPricingModel.CONTRACT, wholesale);

            var offer = accepted(decide(created(authorization), new UpdateMarkup(new BigDecimal("10")), authorization));

            // 99.995 × 1.1 = 109.9945 → 109.995 (3 decimals); 0.00012345 × 1.1 = 0.000135795 → 0.00013580 (8)
            var configurable = offer.term(ConfigurableUpfrontPricingTerm.class).orElseThrow();
            assertThat(configurable.rateCards().get(0).rateCard().get(0).price())
                    .isEqualByComparingTo("109.995");
            var usage = offer.term(UsageBasedPricingTerm.class).orElseThrow();
            assertThat(usage.rateCards().get(0).rateCard().get(0).price()).isEqualByComparingTo("0.0001358");
        }

        @Test
        void appliesOnlyToResaleOffers() {
            assertThat(codes(OfferFixtures.decide(OfferFixtures.draft(), new UpdateMarkup(BigDecimal.ONE))))
                    .containsExactly("INVALID_MARKUP_PERCENTAGE");
        }

        @Test
        void cannotChangeAfterRelease() {
            var released = accepted(decide(ready(), new ReleaseOffer()));

            assertThat(codes(decide(released, new UpdateMarkup(BigDecimal.ONE))))
                    .containsExactly("INVALID_UPDATE_REQUEST");
        }

        @Test
        void cannotBeMixedWithAScheduleThePartnerSet() {
            var own = accepted(decide(created(ACTIVE), ownSchedule("1100.00", "400.00")));

            assertThat(codes(decide(own, new UpdateMarkup(BigDecimal.ONE)))).containsExactly("INCOMPATIBLE_TERMS");
        }
    }

    @Nested
    class BelowWholesale {

        @Test
        void refusesAnInstallmentBelowItsWholesaleAmountNamingDateAndBothAmounts() {
            var decision = decide(created(ACTIVE), ownSchedule("1100.00", "300.00"));

            assertThat(codes(decision)).containsExactly("INVALID_CHARGE_AMOUNT");
            assertThat(messages(decision).get(0))
                    .contains("PaymentScheduleTerm", SECOND_CHARGE.toString(), "300.00", "333.33", "USD");
        }

        @Test
        void acceptsThePartnersOwnInstallmentsAtOrAboveWholesaleAndClearsTheMarkup() {
            var marked = accepted(decide(created(ACTIVE), new UpdateMarkup(new BigDecimal("8"))));

            var own = accepted(decide(marked, ownSchedule("1000.00", "400.00")));

            assertThat(amounts(own)).containsExactly(new BigDecimal("1000.00"), new BigDecimal("400.00"));
            assertThat(resale(own).markupPercentage()).isNull();
        }

        @Test
        void keepsTheWholesaleChargeDates() {
            var moved = new UpdatePaymentScheduleTerms(
                    schedule("USD", charge(FIRST_CHARGE, "1000.00"), charge(SECOND_CHARGE.plusDays(1), "400.00")));

            assertThat(codes(decide(created(ACTIVE), moved))).containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(created(ACTIVE), new UpdatePaymentScheduleTerms(null))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesAPriceBelowWholesale() {
            List<Term> wholesale = List.of(new UsageBasedPricingTerm(
                    "USD", List.of(new UsageRateCard(List.of(new Rate("calls", new BigDecimal("0.10")))))));
            var authorization = authorization(true, null, null, 0, List.of(), OfferPricingModel.USAGE, wholesale);
            var cheaper = new UpdatePricingTerms(
                    OfferPricingModel.USAGE,
                    List.of(new UsageBasedPricingTerm(
                            "USD", List.of(new UsageRateCard(List.of(new Rate("calls", new BigDecimal("0.09"))))))));

            var decision = decide(created(authorization), cheaper, authorization);

            assertThat(codes(decision)).containsExactly("INVALID_PRICING_TERMS");
            assertThat(messages(decision).get(0)).contains("UsageBasedPricingTerm", "calls", "0.09", "0.10");
        }

        @Test
        void keepsThePricingModelAndDimensionsOfTheAuthorization() {
            var otherDimension = new UpdatePricingTerms(
                    OfferPricingModel.CONTRACT,
                    List.of(new Term.FixedUpfrontPricingTerm(
                            "USD", BigDecimal.ZERO, List.of(new Term.Grant("admins", 10)), null)));

            assertThat(codes(decide(created(ACTIVE), otherDimension))).contains("INCOMPATIBLE_TERMS");
        }

        @Test
        void keepsTheAuthorizationsCurrency() {
            var euros = new UpdatePaymentScheduleTerms(
                    schedule("EUR", charge(FIRST_CHARGE, "1000.00"), charge(SECOND_CHARGE, "400.00")));

            assertThat(codes(decide(created(ACTIVE), euros))).contains("INVALID_CURRENCY_CODE");
        }
    }

    @Nested
    class Bounds {

        @Test
        void targetsOnlyBuyersTheAuthorizationNames() {
            var offer = created(ACTIVE);

            assertThat(codes(decide(offer, targeting(OTHER_BUYER)))).isEmpty();
            var decision = decide(offer, targeting(BUYER, STRANGER));
            assertThat(codes(decision)).containsExactly("INCOMPATIBLE_RESALE_AUTHORIZATION");
            assertThat(messages(decision).get(0)).contains(STRANGER.value());
        }

        @Test
        void targetsAnyBuyerWhenTheAuthorizationNamesNone() {
            var open = authorization(true, null, null, 0, List.of());

            assertThat(codes(decide(created(open), targeting(STRANGER), open))).isEmpty();
        }

        @Test
        void expiresNoLaterThanTheAuthorization() {
            assertThat(codes(decide(created(ACTIVE), new UpdateAvailability(AUTHORIZATION_END))))
                    .isEmpty();
            assertThat(codes(decide(created(ACTIVE), new UpdateAvailability(AUTHORIZATION_END.plusDays(1)))))
                    .containsExactly("INVALID_AVAILABILITY_END_DATE");
        }

        @Test
        void startsAFutureDatedAgreementNoLaterThanTheAuthorizationAllows() {
            var tooLate = new UpdateValidityTerms(new ValidityTerm(Period.ofMonths(12), MAX_START.plusDays(1), null));
            var inTime = new UpdateValidityTerms(new ValidityTerm(Period.ofMonths(12), MAX_START, null));

            assertThat(codes(decide(created(ACTIVE), tooLate))).containsExactly("INVALID_AGREEMENT_START_DATE");
            assertThat(codes(decide(created(ACTIVE), inTime))).isEmpty();
        }

        @Test
        void givesNoLongerNetPaymentThanTheAuthorization() {
            assertThat(codes(decide(created(ACTIVE), new UpdateNetPaymentTerms(new NetPaymentTerm(Period.ofDays(60))))))
                    .isEmpty();
            assertThat(codes(decide(created(ACTIVE), new UpdateNetPaymentTerms(new NetPaymentTerm(Period.ofDays(90))))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }
    }

    @Nested
    class Releasing {

        @Test
        void releasesWithTheManufacturersEulaTheAuthorizationPassesOn() {
            var released = accepted(decide(ready(), new ReleaseOffer()));

            assertThat(released.state()).isEqualTo(OfferState.RELEASED);
        }

        @Test
        void acceptsNoOtherEulaThePartnerDidNotUpload() {
            var foreign = new UpdateLegalTerms(new LegalTerm(List.of(
                    new LegalDocument(DocumentType.CUSTOM_EULA, "https://s3.amazonaws.com/x/other.pdf", null))));

            assertThat(codes(decide(ready(), foreign))).containsExactly("INVALID_LEGAL_DOCUMENTS");
        }

        @Test
        void needsBuyerAccounts() {
            var open = authorization(true, AUTHORIZATION_END, null, 0, List.of());
            var offer = created(open);
            offer = accepted(decide(offer, new UpdateAvailability(AVAILABILITY_END), open));
            offer = accepted(
                    decide(offer, new UpdateValidityTerms(new ValidityTerm(Period.ofMonths(12), null, null)), open));

            assertThat(codes(decide(offer, new ReleaseOffer(), open))).contains("MISSING_BUYER_ACCOUNTS");
        }

        @Test
        void continuesWhenTheAuthorizationWasRestricted() {
            var restricted = authorization(false, AUTHORIZATION_END, 1, 1, List.of(BUYER, OTHER_BUYER));

            assertThat(codes(decide(ready(), new UpdateMarkup(BigDecimal.TEN), restricted)))
                    .isEmpty();
            assertThat(codes(decide(ready(), new ReleaseOffer(), restricted))).isEmpty();
        }
    }

    @Nested
    class Replacing {

        static final String AGREEMENT = "agmt-1234567890abcdefghijklmno";

        static AgreementFacts agreement(UUID proposer, @Nullable String authorizationId) {
            return new AgreementFacts(
                    AGREEMENT,
                    proposer,
                    BUYER,
                    SAAS.id(),
                    ProductType.SAAS,
                    true,
                    "ACTIVE",
                    true,
                    Instant.parse("2027-03-09T23:59:59.999Z"),
                    false,
                    authorizationId);
        }

        static Decision replace(AuthorizationFacts authorization, AgreementFacts agreement) {
            return OfferDecisions.decide(
                    null,
                    new CreateReplacementOfferUsingResaleAuthorization(AUTHORIZATION, AGREEMENT, "Renewal"),
                    context(authorization, agreement));
        }

        @Test
        void makesAResaleReplacementForTheAgreementsBuyerWithThePartnerAsSeller() {
            var offer = accepted(replace(ACTIVE, agreement(PARTNER, AUTHORIZATION)));

            assertThat(offer.sellerPartyId()).isEqualTo(PARTNER);
            assertThat(offer.replacesAgreementId()).isEqualTo(AGREEMENT);
            assertThat(offer.isResale()).isTrue();
            assertThat(offer.buyerAccounts()).containsExactly(BUYER);
            assertThat(offer.terms()).containsExactlyInAnyOrderElementsOf(WHOLESALE);
        }

        @Test
        void refusesAnAgreementAnotherPartyProposed() {
            assertThat(codes(replace(ACTIVE, agreement(SELLER, null)))).containsExactly("INCOMPATIBLE_AGREEMENT");
        }

        @Test
        void refusesAnAuthorizationThatDoesNotLetThePartnerSellToTheAgreementsBuyer() {
            var elsewhere = authorization(true, null, null, 0, List.of(OTHER_BUYER));

            assertThat(codes(replace(elsewhere, agreement(PARTNER, AUTHORIZATION))))
                    .containsExactly("INCOMPATIBLE_RESALE_AUTHORIZATION");
        }

        @Test
        void refusesAPlainReplacementOfAnAgreementMadeFromAResaleOffer() {
            var decision = OfferDecisions.decide(
                    null,
                    new CreateReplacementOffer(AGREEMENT, "Renewal"),
                    context(null, agreement(PARTNER, AUTHORIZATION)));

            assertThat(codes(decision)).containsExactly("INCOMPATIBLE_AGREEMENT");
        }
    }

    @Test
    void aPlainOfferForTheManufacturersProductIsNotThePartnersToMake() {
        assertThat(codes(OfferDecisions.decide(null, new CreateOffer(SAAS.id(), null), context(null, null))))
                .containsExactly("INCOMPATIBLE_PRODUCT");
    }

    static UpdateTargeting targeting(AccountId... accounts) {
        return new UpdateTargeting(new TargetingRule(List.of(accounts), List.of(), List.of()));
    }
}
