package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferFixtures.AVAILABILITY_END;
import static io.offerdesk.offers.internal.domain.OfferFixtures.BUYER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.EULA_URL;
import static io.offerdesk.offers.internal.domain.OfferFixtures.NOW;
import static io.offerdesk.offers.internal.domain.OfferFixtures.OFFER_ID;
import static io.offerdesk.offers.internal.domain.OfferFixtures.OTHER_SELLER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.SAAS;
import static io.offerdesk.offers.internal.domain.OfferFixtures.SELLER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.STANDARD_VERSION;
import static io.offerdesk.offers.internal.domain.OfferFixtures.TODAY;
import static io.offerdesk.offers.internal.domain.OfferFixtures.accepted;
import static io.offerdesk.offers.internal.domain.OfferFixtures.charge;
import static io.offerdesk.offers.internal.domain.OfferFixtures.codes;
import static io.offerdesk.offers.internal.domain.OfferFixtures.context;
import static io.offerdesk.offers.internal.domain.OfferFixtures.decide;
import static io.offerdesk.offers.internal.domain.OfferFixtures.draft;
import static io.offerdesk.offers.internal.domain.OfferFixtures.fixedUpfront;
import static io.offerdesk.offers.internal.domain.OfferFixtures.product;
import static io.offerdesk.offers.internal.domain.OfferFixtures.readyDraft;
import static io.offerdesk.offers.internal.domain.OfferFixtures.released;
import static io.offerdesk.offers.internal.domain.OfferFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.OfferStatus;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term.ByolPricingTerm;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PaymentScheduleTermTemplate;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.TemplateCharge;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.offers.internal.domain.OfferChange.AgreementUpdate;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOffer;
import io.offerdesk.offers.internal.domain.OfferChange.ReleaseOffer;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateAvailability;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateInformation;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateLegalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateNetPaymentTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePaymentScheduleTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePricingTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateRenewalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateSupportTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateTargeting;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateValidityTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateVariablePaymentTerms;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.IntStream;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The business rules of offer changes, one AWS error code at a time. No Spring, no database. */
class OfferDecisionsTests {

    static final PreExistingAgreement RENEWAL =
            new PreExistingAgreement(AcquisitionChannel.AWS_MARKETPLACE, OfferPricingModel.CONTRACT);

    static UpdatePricingTerms pricing(OfferPricingModel model, PricingTerm... terms) {
        return new UpdatePricingTerms(model, List.of(terms));
    }

    static UpdateTargeting targeting(List<AccountId> accounts, List<String> countries, List<String> excluded) {
        return new UpdateTargeting(new TargetingRule(accounts, countries, excluded));
    }

    static UsageBasedPricingTerm usage(String currency, String key, String price) {
        return new UsageBasedPricingTerm(
                currency, List.of(new UsageRateCard(List.of(new Rate(key, new BigDecimal(price))))));
    }

    static ContractRateCard contractCard(Period duration, Constraint multiple, Constraint quantity, String... keys) {
        return new ContractRateCard(
                duration,
                new Constraints(multiple, quantity),
                List.of(keys).stream()
                        .map(key -> new Rate(key, new BigDecimal("100.00")))
                        .toList());
    }

    static RenewalTerm renewal(
            Period lockout, Period deadline, PriceIncrease increase, PaymentScheduleTermTemplate template) {
        return new RenewalTerm(lockout, deadline, 1, increase, template);
    }

    static final PaymentScheduleTermTemplate HALVES = new PaymentScheduleTermTemplate(List.of(
            new TemplateCharge(Period.ofMonths(0), new BigDecimal("50"), null),
            new TemplateCharge(Period.ofMonths(6), new BigDecimal("50"), null)));

    @Nested
    class Creating {

        @Test
        void createsADraftWithTheIdTheContextGives() {
            var offer = accepted(decide(null, new CreateOffer(SAAS.id(), "Deal")));

            assertThat(offer.id()).isEqualTo(OFFER_ID);
            assertThat(offer.state()).isEqualTo(OfferState.DRAFT);
            assertThat(offer.sellerPartyId()).isEqualTo(SELLER);
            assertThat(offer.productId()).isEqualTo(SAAS.id());
            assertThat(offer.name()).isEqualTo("Deal");
            assertThat(offer.createdAt()).isEqualTo(NOW);
            assertThat(offer.revision()).isZero();
        }

        @Test
        void refusesAProductOfAnotherSellerOrOneThatIsRestricted() {
            var foreign = new ProductFacts(
                    SAAS.id(), OTHER_SELLER, ProductType.SAAS, Visibility.RESTRICTED, true, SAAS.dimensions());

            var decision = OfferDecisions.decide(null, new CreateOffer(SAAS.id(), null), context(foreign, false));

            assertThat(codes(decision)).containsExactly("INCOMPATIBLE_PRODUCT", "INCOMPATIBLE_PRODUCT");
        }

        @Test
        void needsNoCurrentOfferToCreateAndOneToChange() {
            assertThatIllegalArgumentException().isThrownBy(() -> decide(draft(), new CreateOffer(SAAS.id(), null)));
            assertThatIllegalArgumentException().isThrownBy(() -> decide(null, new ReleaseOffer()));
        }
    }

    @Nested
    class AfterRelease {

        @Test
        void releasesAReadyDraft() {
            var offer = accepted(decide(readyDraft(), new ReleaseOffer()));

            assertThat(offer.state()).isEqualTo(OfferState.RELEASED);
            assertThat(offer.releasedAt()).isEqualTo(NOW);
            assertThat(offer.status(NOW)).isEqualTo(OfferStatus.ACTIVE);
        }

        @Test
        void refusesReleasingTwice() {
            assertThat(codes(decide(released(), new ReleaseOffer()))).containsExactly("INVALID_UPDATE_REQUEST");
        }

        @Test
        void refusesEveryChangeButInformationAvailabilityAndValidity() {
            List<OfferChange> refused = List.of(
                    targeting(List.of(BUYER), List.of(), List.of()),
                    new UpdateSupportTerms(new SupportTerm("No refunds")),
                    new UpdateLegalTerms(new LegalTerm(
                            List.of(new LegalDocument(DocumentType.STANDARD_EULA, null, STANDARD_VERSION)))),
                    pricing(OfferPricingModel.CONTRACT, fixedUpfront("USD", "0")),
                    new UpdatePaymentScheduleTerms(null),
                    new UpdateNetPaymentTerms(null),
                    new UpdateVariablePaymentTerms(null),
                    new UpdateVariablePaymentTerms(new VariablePaymentTerm("USD", new BigDecimal("100.00"))),
                    new UpdateRenewalTerms(null));

            for (var change : refused) {
                assertThat(codes(decide(released(), change)))
                        .as(change.changeType())
                        .containsExactly("INVALID_UPDATE_REQUEST");
            }
            assertThat(codes(decide(released(), new UpdateInformation("New name", "New", new AgreementUpdate.Keep()))))
                    .isEmpty();
            assertThat(codes(decide(released(), new UpdateAvailability(TODAY.plusDays(20)))))
                    .isEmpty();
            assertThat(codes(decide(
                            released(), new UpdateValidityTerms(new ValidityTerm(Period.ofMonths(24), null, null)))))
                    .isEmpty();
        }

        @Test
        void refusesChangingThePreExistingAgreementAfterRelease() {
            var change = new UpdateInformation(null, null, new AgreementUpdate.Replace(RENEWAL));

            assertThat(codes(decide(released(), change))).containsExactly("INCOMPATIBLE_PRE_EXISTING_AGREEMENT");
            assertThat(codes(decide(released(), new UpdateInformation(null, null, new AgreementUpdate.Clear()))))
                    .containsExactly("INCOMPATIBLE_PRE_EXISTING_AGREEMENT");
        }

        @Test
        void refusesChangingAgreementDatesAfterRelease() {
            var change = new UpdateValidityTerms(new ValidityTerm(null, TODAY.plusMonths(1), TODAY.plusMonths(13)));

            assertThat(codes(decide(released(), change))).contains("INVALID_UPDATE_REQUEST");
        }

        @Test
        void expiresAReleasedOfferGivenAPastDateAndThenOnlyAcceptsAnotherDate() {
            var expired = accepted(decide(released(), new UpdateAvailability(TODAY.minusDays(1))));

            assertThat(expired.status(NOW)).isEqualTo(OfferStatus.EXPIRED);
            assertThat(codes(decide(expired, new UpdateInformation("Renamed", null, new AgreementUpdate.Keep()))))
                    .containsExactly("INVALID_UPDATE_REQUEST");
            assertThat(accepted(decide(expired, new UpdateAvailability(TODAY.plusDays(3))))
                            .status(NOW))
                    .isEqualTo(OfferStatus.ACTIVE);
        }

        @Test
        void refusesAnAvailabilityDateOnAReleasedPublicOffer() {
            var publicOffer = released().withTargeting(null).withAvailabilityEndDate(null);

            assertThat(codes(decide(publicOffer, new UpdateAvailability(TODAY.plusDays(3)))))
                    .containsExactly("INVALID_AVAILABILITY_END_DATE");
        }
    }

    @Nested
    class Information {

        @Test
        void keepsAbsentMembersAndClearsAnExplicitlyNulledAgreement() {
            var marked = accepted(
                    decide(draft(), new UpdateInformation(null, "Desc", new AgreementUpdate.Replace(RENEWAL))));
            var kept = accepted(decide(marked, new UpdateInformation("Other", null, new AgreementUpdate.Keep())));
            var cleared = accepted(decide(kept, new UpdateInformation(null, null, new AgreementUpdate.Clear())));

            assertThat(kept.preExistingAgreement()).isEqualTo(RENEWAL);
            assertThat(kept.description()).isEqualTo("Desc");
            assertThat(kept.name()).isEqualTo("Other");
            assertThat(cleared.preExistingAgreement()).isNull();
            assertThat(cleared.lastModifiedAt()).isEqualTo(NOW);
        }
    }

    @Nested
    class Targeting {

        @Test
        void refusesMoreBuyerAccountsThanTheLimit() {
            var accounts = IntStream.range(0, 26)
                    .mapToObj(i -> new AccountId("1000000000%02d".formatted(i)))
                    .toList();

            assertThat(codes(decide(draft(), targeting(accounts, List.of(), List.of()))))
                    .containsExactly("TOO_MANY_BUYER_ACCOUNTS");
            assertThat(codes(decide(draft(), targeting(accounts.subList(0, 25), List.of(), List.of()))))
                    .isEmpty();
        }

        @Test
        void refusesAnAccountListedTwice() {
            assertThat(codes(decide(draft(), targeting(List.of(BUYER, BUYER), List.of(), List.of()))))
                    .containsExactly("INVALID_BUYER_ACCOUNTS");
        }

        @Test
        void refusesPositiveWithNegativeTargetingAndUnknownCountries() {
            assertThat(codes(decide(draft(), targeting(List.of(BUYER), List.of(), List.of("DE")))))
                    .containsExactly("INCOMPATIBLE_TARGETING");
            assertThat(codes(decide(draft(), targeting(List.of(), List.of("US", "XX"), List.of()))))
                    .containsExactly("INCOMPATIBLE_TARGETING");
        }

        @Test
        void makesTheOfferPrivateWithBuyerAccountsAndPublicWithout() {
            var targeted = accepted(decide(draft(), targeting(List.of(BUYER), List.of("US"), List.of())));
            var cleared = accepted(decide(targeted, targeting(List.of(), List.of(), List.of())));

            assertThat(targeted.isPrivate()).isTrue();
            assertThat(targeted.buyerAccounts()).containsExactly(BUYER);
            assertThat(cleared.isPrivate()).isFalse();
            assertThat(cleared.targeting()).isNull();
        }
    }

    @Nested
    class Pricing {

        @Test
        void acceptsContractWithConsumption() {
            var change = pricing(
                    OfferPricingModel.CONTRACT,
                    new ConfigurableUpfrontPricingTerm(
                            "USD",
                            List.of(contractCard(
                                    Period.ofMonths(12), Constraint.ALLOWED, Constraint.ALLOWED, "users"))),
                    usage("USD", "calls", "0.00012345"));

            var offer = accepted(decide(draft(), change));

            assertThat(offer.pricingModel()).isEqualTo(OfferPricingModel.CONTRACT);
            assertThat(offer.term(UsageBasedPricingTerm.class)).isPresent();
        }

        @Test
        void refusesTermsThatDoNotFitThePricingModel() {
            assertThat(codes(decide(draft(), pricing(OfferPricingModel.USAGE, fixedUpfront("USD", "0")))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(
                            draft(),
                            pricing(OfferPricingModel.FREE, new ByolPricingTerm(), usage("USD", "calls", "1")))))
                    .contains("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesATermTypeTwice() {
            var change = pricing(OfferPricingModel.USAGE, usage("USD", "calls", "1"), usage("USD", "calls", "2"));

            assertThat(codes(decide(draft(), change))).containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesPricingTheProductTypeDoesNotOffer() {
            var services = context(product(ProductType.PROFESSIONAL_SERVICES), false);
            var change = pricing(OfferPricingModel.USAGE, usage("USD", "calls", "1"));

            assertThat(codes(OfferDecisions.decide(draft(), change, services))).containsExactly("INCOMPATIBLE_PRODUCT");
        }

        @Test
        void refusesDimensionsThatAreMissingOrOfTheWrongType() {
            var grants = new FixedUpfrontPricingTerm(
                    "USD", BigDecimal.ZERO, List.of(new Grant("calls", 1), new Grant("nope", 1)), null);

            assertThat(codes(decide(draft(), pricing(OfferPricingModel.CONTRACT, grants))))
                    .containsExactly("INCOMPATIBLE_TERMS", "INCOMPATIBLE_TERMS");
            assertThat(codes(decide(draft(), pricing(OfferPricingModel.USAGE, usage("USD", "users", "1")))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void aContractMayEntitleTheMeteredDimensionItsUsageRateCardPrices() {
            var grants = new FixedUpfrontPricingTerm("USD", BigDecimal.ZERO, List.of(new Grant("calls", 1000)), null);

            var offer = accepted(
                    decide(draft(), pricing(OfferPricingModel.CONTRACT, grants, usage("USD", "calls", "0.01"))));

            assertThat(offer.term(FixedUpfrontPricingTerm.class)).isPresent();
            assertThat(codes(decide(
                            draft(),
                            pricing(
                                    OfferPricingModel.CONTRACT,
                                    new FixedUpfrontPricingTerm(
                                            "USD", BigDecimal.ZERO, List.of(new Grant("calls", 1000)), null)))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesMoreDecimalsThanAwsAllowsPerTermType() {
            assertThat(codes(decide(draft(), pricing(OfferPricingModel.USAGE, usage("USD", "calls", "0.000000001")))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(draft(), pricing(OfferPricingModel.CONTRACT, fixedUpfront("USD", "10.0001")))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesConfigurableRateCardsThatDisagree() {
            var term = new ConfigurableUpfrontPricingTerm(
                    "USD",
                    List.of(
                            contractCard(Period.ofMonths(12), Constraint.ALLOWED, Constraint.DISALLOWED, "users"),
                            contractCard(Period.ofYears(1), Constraint.DISALLOWED, Constraint.DISALLOWED, "admins")));

            // Mixed constraints, a duration listed twice (P1Y is P12M) and different dimensions per duration.
            assertThat(codes(decide(draft(), pricing(OfferPricingModel.CONTRACT, term))))
                    .containsExactly("INCOMPATIBLE_TERMS", "INCOMPATIBLE_TERMS", "INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesBringYourOwnLicenseOnAPrivateOffer() {
            var byol = pricing(OfferPricingModel.BYOL, new ByolPricingTerm());
            var privateDraft = draft().withTargeting(new TargetingRule(List.of(BUYER), List.of(), List.of()));

            assertThat(codes(OfferDecisions.decide(privateDraft, byol, context(product(ProductType.AMI), false))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(OfferDecisions.decide(draft(), byol, context(product(ProductType.AMI), false))))
                    .isEmpty();
        }

        @Test
        void refusesAFreeTrialOutsideFiveToThirtyOneDays() {
            var trial = new FreeTrialPricingTerm(Period.ofDays(40), List.of(new Grant("users", 1)));

            assertThat(codes(decide(draft(), pricing(OfferPricingModel.FREE, trial))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesAnUpfrontPriceBesideAPaymentSchedule() {
            var change = pricing(OfferPricingModel.CONTRACT, fixedUpfront("USD", "100"));

            assertThat(codes(decide(readyDraft(), change))).containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesSupportTermsOnAFreeTrialOffer() {
            var trial = draft().withPricingModel(OfferPricingModel.FREE)
                    .withTerms(
                            PricingTerm.class,
                            List.of(new FreeTrialPricingTerm(Period.ofDays(14), List.of(new Grant("users", 1)))));

            assertThat(codes(decide(trial, new UpdateSupportTerms(new SupportTerm("Refunds within 30 days")))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }
    }

    @Nested
    class Currencies {

        @Test
        void refusesUsageInAnyCurrencyButDollars() {
            assertThat(codes(decide(draft(), pricing(OfferPricingModel.USAGE, usage("EUR", "calls", "1")))))
                    .containsExactly("INVALID_CURRENCY_CODE");
        }

        @Test
        void refusesUnsupportedCodesAndMixedCurrencies() {
            assertThat(codes(decide(draft(), pricing(OfferPricingModel.CONTRACT, fixedUpfront("XYZ", "0")))))
                    .containsExactly("INVALID_CURRENCY_CODE");
            // The ready draft's schedule is in dollars.
            assertThat(codes(decide(readyDraft(), pricing(OfferPricingModel.CONTRACT, fixedUpfront("EUR", "0")))))
                    .containsExactly("INVALID_CURRENCY_CODE");
        }

        @Test
        void acceptsAYenScheduleWithWholeAmounts() {
            var yen = readyDraft().withTerms(PricingTerm.class, List.of(fixedUpfront("JPY", "0")));
            var change = new UpdatePaymentScheduleTerms(schedule("JPY", charge(TODAY.plusDays(1), "15000")));

            assertThat(accepted(decide(yen, change)).currency().orElseThrow().getCode())
                    .isEqualTo("JPY");
        }
    }

    @Nested
    class PaymentSchedule {

        static UpdatePaymentScheduleTerms change(PaymentScheduleTerm term) {
            return new UpdatePaymentScheduleTerms(term);
        }

        @Test
        void refusesMoreThanSixtyCharges() {
            var charges = IntStream.range(0, 61)
                    .mapToObj(i -> charge(AVAILABILITY_END.plusDays(i + 1), "1.00"))
                    .toArray(io.offerdesk.offers.Term.Installment[]::new);

            assertThat(codes(decide(readyDraft(), change(schedule("USD", charges)))))
                    .containsExactly("TOO_MANY_CHARGES");
        }

        @Test
        void refusesTheSameDateTwice() {
            var term = schedule("USD", charge(TODAY.plusDays(20), "1.00"), charge(TODAY.plusDays(20), "2.00"));

            assertThat(codes(decide(readyDraft(), change(term)))).containsExactly("DUPLICATE_CHARGE_DATES");
        }

        @Test
        void refusesMoreThanOneChargeOnOrBeforeTheExpiry() {
            var term = schedule("USD", charge(TODAY, "1.00"), charge(AVAILABILITY_END, "2.00"));

            assertThat(codes(decide(readyDraft(), change(term)))).containsExactly("TOO_MANY_BACKDATED_CHARGES");
        }

        @Test
        void refusesAnAvailabilityDateThatMakesTheScheduleBackdated() {
            assertThat(codes(decide(readyDraft(), new UpdateAvailability(TODAY.plusDays(45)))))
                    .containsExactly("TOO_MANY_BACKDATED_CHARGES");
        }

        @Test
        void refusesNegativeAmountsAndMoreDecimalsThanTheCurrencyHas() {
            var term = schedule("USD", charge(TODAY.plusDays(1), "-1.00"), charge(TODAY.plusDays(20), "1.005"));

            assertThat(codes(decide(readyDraft(), change(term))))
                    .containsExactly("INVALID_CHARGE_AMOUNT", "INVALID_CHARGE_AMOUNT");
        }

        @Test
        void refusesAChargeInThePastOrAfterTheAgreementEnds() {
            var term = schedule("USD", charge(TODAY.minusDays(1), "1.00"), charge(TODAY.plusMonths(13), "1.00"));

            assertThat(codes(decide(readyDraft(), change(term))))
                    .containsExactly("INVALID_CHARGE_DATE", "INVALID_CHARGE_DATE");
        }
    }

    @Nested
    class VariablePayment {

        static UpdateVariablePaymentTerms change(String currency, String max) {
            return new UpdateVariablePaymentTerms(new VariablePaymentTerm(currency, new BigDecimal(max)));
        }

        @Test
        void acceptsAMaximumInTheOffersCurrencyAndReleasesWithIt() {
            var offer = accepted(decide(readyDraft(), change("USD", "50000.00")));

            var term = offer.term(VariablePaymentTerm.class).orElseThrow();
            assertThat(term.maxTotalCharge()).isEqualTo(Money.parse("USD 50000.00"));
            assertThat(accepted(decide(offer, new ReleaseOffer())).term(VariablePaymentTerm.class))
                    .contains(term);
        }

        @Test
        void removesTheTermWithAnEmptyList() {
            var offer = accepted(decide(readyDraft(), change("USD", "50000.00")));

            assertThat(accepted(decide(offer, new UpdateVariablePaymentTerms(null)))
                            .term(VariablePaymentTerm.class))
                    .isEmpty();
        }

        @Test
        void refusesAMaximumOfNothingOrWithMoreDecimalsThanTheCurrencyHas() {
            assertThat(codes(decide(readyDraft(), change("USD", "0.00")))).containsExactly("INVALID_CHARGE_AMOUNT");
            assertThat(codes(decide(readyDraft(), change("USD", "100.001")))).containsExactly("INVALID_CHARGE_AMOUNT");
            assertThat(codes(decide(draft(), change("JPY", "15000.5")))).containsExactly("INVALID_CHARGE_AMOUNT");
            assertThat(codes(decide(draft(), change("JPY", "15000")))).isEmpty();
        }

        @Test
        void refusesACurrencyTheOfferDoesNotUseOrThatVariablePaymentsDoNotTake() {
            // The ready draft's prices and schedule are in dollars.
            assertThat(codes(decide(readyDraft(), change("EUR", "100.00")))).containsExactly("INVALID_CURRENCY_CODE");
            assertThat(codes(decide(draft(), change("CAD", "100.00")))).containsExactly("INVALID_CURRENCY_CODE");
            var withMaximum = accepted(decide(readyDraft(), change("USD", "100.00")))
                    .withTerms(PaymentScheduleTerm.class, List.of());
            assertThat(codes(decide(withMaximum, pricing(OfferPricingModel.CONTRACT, fixedUpfront("EUR", "0")))))
                    .containsExactly("INVALID_CURRENCY_CODE");
        }

        @Test
        void refusesVariablePaymentsOutsideSaasContracts() {
            var ami = context(product(ProductType.AMI), false);
            assertThat(codes(OfferDecisions.decide(draft(), change("USD", "100.00"), ami)))
                    .containsExactly("INCOMPATIBLE_PRODUCT");

            var usage = draft().withPricingModel(OfferPricingModel.USAGE);
            assertThat(codes(decide(usage, change("USD", "100.00")))).containsExactly("INCOMPATIBLE_PRODUCT");
        }

        @Test
        void releaseChecksTheProductAgain() {
            var withMaximum = accepted(decide(readyDraft(), change("USD", "100.00")));
            var ami = context(product(ProductType.AMI), false);

            assertThat(codes(OfferDecisions.decide(withMaximum, new ReleaseOffer(), ami)))
                    .containsExactly("INCOMPATIBLE_PRODUCT");
        }
    }

    @Nested
    class Validity {

        static UpdateValidityTerms change(
                @Nullable Period duration, @Nullable LocalDate start, @Nullable LocalDate end) {
            return new UpdateValidityTerms(new ValidityTerm(duration, start, end));
        }

        @Test
        void refusesDurationWithEndDateAndStartDateAlone() {
            assertThat(codes(decide(draft(), change(Period.ofMonths(12), null, TODAY.plusYears(1)))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(draft(), change(null, TODAY.plusDays(30), null))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesAContractLongerThanSixtyMonths() {
            var contract = draft().withPricingModel(OfferPricingModel.CONTRACT);

            assertThat(codes(decide(contract, change(Period.ofMonths(61), null, null))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(contract, change(Period.ofMonths(60), null, null))))
                    .isEmpty();
        }

        @Test
        void refusesAStartMoreThanThreeYearsAheadOrNotAfterTheExpiry() {
            var farAhead = TODAY.plusYears(3).plusDays(1);

            assertThat(codes(decide(draft(), change(Period.ofMonths(12), farAhead, null))))
                    .containsExactly("INVALID_AGREEMENT_START_DATE");
            assertThat(codes(decide(readyDraft(), change(Period.ofMonths(12), AVAILABILITY_END, null))))
                    .containsExactly("INVALID_AGREEMENT_START_DATE");
        }

        @Test
        void refusesAFutureStartForAnythingButSaasContracts() {
            var ami = context(product(ProductType.AMI), false);

            assertThat(codes(
                            OfferDecisions.decide(draft(), change(Period.ofMonths(12), TODAY.plusDays(30), null), ami)))
                    .containsExactly("INCOMPATIBLE_PRODUCT");
        }
    }

    @Nested
    class Availability {

        @Test
        void refusesAPastDateOnADraft() {
            assertThat(codes(decide(draft(), new UpdateAvailability(TODAY.minusDays(1)))))
                    .containsExactly("INVALID_AVAILABILITY_END_DATE");
        }

        @Test
        void refusesADateNotBeforeTheAgreementEnds() {
            var fixedEnd =
                    draft().withTerms(ValidityTerm.class, List.of(new ValidityTerm(null, null, TODAY.plusDays(5))));

            assertThat(codes(decide(fixedEnd, new UpdateAvailability(TODAY.plusDays(5)))))
                    .containsExactly("INVALID_AVAILABILITY_END_DATE");
        }
    }

    @Nested
    class NetPaymentAndRenewal {

        @Test
        void refusesADueDateAwsDoesNotOffer() {
            assertThat(codes(decide(draft(), new UpdateNetPaymentTerms(new NetPaymentTerm(Period.ofDays(20))))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(draft(), new UpdateNetPaymentTerms(new NetPaymentTerm(Period.ofDays(45))))))
                    .isEmpty();
        }

        @Test
        void refusesAPrivateRenewalWithoutPriceIncrease() {
            var term = new RenewalTerm(null, null, 1, null, HALVES);

            assertThat(codes(decide(readyDraft(), new UpdateRenewalTerms(term))))
                    .containsExactly("INCOMPATIBLE_TERMS");
        }

        @Test
        void refusesAnAdjustmentDeadlineWithoutRangeOrInsideTheLockout() {
            var fixed = renewal(
                    Period.ofDays(30), Period.ofDays(60), new PriceIncrease.FixedPercentage(BigDecimal.ONE), HALVES);
            var range = new PriceIncrease.PercentageRange(BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ONE);
            var tooShort = renewal(Period.ofDays(30), Period.ofDays(30), range, HALVES);

            assertThat(codes(decide(readyDraft(), new UpdateRenewalTerms(fixed))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(readyDraft(), new UpdateRenewalTerms(tooShort))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(
                            readyDraft(),
                            new UpdateRenewalTerms(renewal(Period.ofDays(30), Period.ofDays(31), range, HALVES)))))
                    .isEmpty();
        }

        @Test
        void refusesATemplateThatDoesNotSumToAHundredOrIsMissingBesideASchedule() {
            var increase = new PriceIncrease.FixedPercentage(new BigDecimal("3.00"));
            var skewed = new PaymentScheduleTermTemplate(
                    List.of(new TemplateCharge(Period.ofMonths(0), new BigDecimal("99.99"), 1)));

            assertThat(codes(decide(
                            readyDraft(), new UpdateRenewalTerms(new RenewalTerm(null, null, 1, increase, skewed)))))
                    .containsExactly("INCOMPATIBLE_TERMS");
            assertThat(codes(decide(
                            readyDraft(), new UpdateRenewalTerms(new RenewalTerm(null, null, 1, increase, null)))))
                    .containsExactly("MISSING_MANDATORY_TERMS");
        }

        @Test
        void turnsAutomaticRenewalOffWithAnEmptyList() {
            var renewing = readyDraft()
                    .withTerms(
                            RenewalTerm.class,
                            List.of(new RenewalTerm(
                                    null, null, 1, new PriceIncrease.FixedPercentage(BigDecimal.ONE), HALVES)));

            assertThat(accepted(decide(renewing, new UpdateRenewalTerms(null))).term(RenewalTerm.class))
                    .isEmpty();
        }
    }

    @Nested
    class Legal {

        static UpdateLegalTerms change(LegalDocument... documents) {
            return new UpdateLegalTerms(new LegalTerm(List.of(documents)));
        }

        @Test
        void acceptsAKnownStandardVersionAndAnUploadedCustomEula() {
            assertThat(codes(decide(
                            draft(), change(new LegalDocument(DocumentType.STANDARD_EULA, null, STANDARD_VERSION)))))
                    .isEmpty();
            assertThat(codes(decide(draft(), change(new LegalDocument(DocumentType.CUSTOM_EULA, EULA_URL, null)))))
                    .isEmpty();
        }

        @Test
        void refusesUnknownVersionsUrlsAndMoreThanOneDocument() {
            var unknownVersion = new LegalDocument(DocumentType.STANDARD_EULA, null, "2019-04-24");
            var notUploaded = new LegalDocument(DocumentType.CUSTOM_EULA, "https://example.com/eula.pdf", null);

            assertThat(codes(decide(draft(), change(unknownVersion)))).containsExactly("INVALID_LEGAL_DOCUMENTS");
            assertThat(codes(decide(draft(), change(notUploaded)))).containsExactly("INVALID_LEGAL_DOCUMENTS");
            assertThat(codes(decide(
                            draft(),
                            change(new LegalDocument(DocumentType.CUSTOM_EULA, EULA_URL, null), unknownVersion))))
                    .containsExactly("INVALID_LEGAL_DOCUMENTS", "INVALID_LEGAL_DOCUMENTS");
        }
    }

    @Nested
    class Release {

        @Test
        void reportsEverythingAnEmptyPrivateDraftLacks() {
            var bare = draft().withInformation(null, null, null)
                    .withTargeting(new TargetingRule(List.of(BUYER), List.of(), List.of()));

            assertThat(codes(decide(bare, new ReleaseOffer())))
                    .containsExactly(
                            "MISSING_NAME",
                            "MISSING_MANDATORY_TERMS",
                            "MISSING_MANDATORY_TERMS",
                            "MISSING_AVAILABILITY_END_DATE");
        }

        @Test
        void refusesAnUpfrontPriceWithoutScheduleOrLicense() {
            var noSchedule = readyDraft().withTerms(PaymentScheduleTerm.class, List.of());

            assertThat(codes(decide(noSchedule, new ReleaseOffer()))).containsExactly("MISSING_MANDATORY_TERMS");
        }

        @Test
        void refusesAPrivateOfferForAProductWithoutPublicOffer() {
            var noList =
                    new ProductFacts(SAAS.id(), SELLER, ProductType.SAAS, Visibility.LIMITED, false, SAAS.dimensions());

            assertThat(codes(OfferDecisions.decide(readyDraft(), new ReleaseOffer(), context(noList, false))))
                    .containsExactly("INCOMPATIBLE_PRODUCT");
        }

        @Test
        void refusesASecondPublicOfferAndARenewalWithoutBuyers() {
            var publicOffer = readyDraft()
                    .withTargeting(null)
                    .withAvailabilityEndDate(null)
                    .withInformation("Public", null, RENEWAL);

            assertThat(codes(OfferDecisions.decide(publicOffer, new ReleaseOffer(), context(SAAS, true))))
                    .containsExactly("TOO_MANY_OFFERS", "MISSING_BUYER_ACCOUNTS");
        }

        @Test
        void refusesAnExpiryDateOnAPublicOffer() {
            var publicOffer = readyDraft().withTargeting(null);

            assertThat(codes(decide(publicOffer, new ReleaseOffer()))).containsExactly("INVALID_AVAILABILITY_END_DATE");
        }

        @Test
        void checksTheTermRulesAgain() {
            Offer stale = readyDraft()
                    .withTerms(
                            PaymentScheduleTerm.class,
                            List.of(schedule(
                                    "USD", charge(TODAY.plusDays(1), "1.00"), charge(TODAY.plusDays(2), "1.00"))));

            assertThat(codes(decide(stale, new ReleaseOffer()))).containsExactly("TOO_MANY_BACKDATED_CHARGES");
        }
    }
}
