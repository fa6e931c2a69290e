package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferFixtures.AVAILABILITY_END;
import static io.offerdesk.offers.internal.domain.OfferFixtures.BUYER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.EULA_URL;
import static io.offerdesk.offers.internal.domain.OfferFixtures.NOW;
import static io.offerdesk.offers.internal.domain.OfferFixtures.OFFER_ID;
import static io.offerdesk.offers.internal.domain.OfferFixtures.OTHER_SELLER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.SAAS;
import static io.offerdesk.offers.internal.domain.OfferFixtures.SELLER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.TODAY;
import static io.offerdesk.offers.internal.domain.OfferFixtures.accepted;
import static io.offerdesk.offers.internal.domain.OfferFixtures.charge;
import static io.offerdesk.offers.internal.domain.OfferFixtures.codes;
import static io.offerdesk.offers.internal.domain.OfferFixtures.fixedUpfront;
import static io.offerdesk.offers.internal.domain.OfferFixtures.json;
import static io.offerdesk.offers.internal.domain.OfferFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.ReplaceableAgreements.AgreementFacts;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.internal.domain.OfferChange.CreateReplacementOffer;
import io.offerdesk.offers.internal.domain.OfferChange.ReleaseOffer;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePricingTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateTargeting;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateValidityTerms;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Validations;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Replacement (agreement-based) offers: AWS's CreateReplacementOffer and the rules that hold for such offers. */
class ReplacementOfferTests {

    static final String AGREEMENT = "agmt-1234567890abcdefghijklmno";
    static final AgreementFacts ACTIVE_CONTRACT = facts(SELLER, ProductType.SAAS, true, true);

    static AgreementFacts facts(java.util.UUID proposer, ProductType productType, boolean active, boolean contract) {
        return new AgreementFacts(
                AGREEMENT,
                proposer,
                BUYER,
                SAAS.id(),
                productType,
                active,
                active ? "ACTIVE" : "EXPIRED",
                contract,
                Instant.parse("2027-03-09T23:59:59.999Z"),
                false,
                null);
    }

    static Decision decide(@Nullable Offer current, OfferChange change, @Nullable AgreementFacts agreement) {
        return OfferDecisions.decide(current, change, OfferFixtures.context().replacing(agreement));
    }

    static Offer replacementDraft() {
        return Offer.replacementDraft(OFFER_ID, SELLER, SAAS.id(), AGREEMENT, BUYER, "Amended deal", NOW);
    }

    /** Everything release needs: a contract with a new schedule that ends on a fixed date. */
    static Offer readyReplacement() {
        return replacementDraft()
                .withInformation("Amended deal", "More analysts from next month", null)
                .withPricingModel(OfferPricingModel.CONTRACT)
                .withTerms(PricingTerm.class, List.of(fixedUpfront("USD", "0.0")))
                .withTerms(ValidityTerm.class, List.of(new ValidityTerm(null, null, TODAY.plusMonths(12))))
                .withTerms(
                        PaymentScheduleTerm.class,
                        List.of(schedule(
                                "USD", charge(TODAY.plusDays(15), "500.00"), charge(TODAY.plusDays(45), "500.00"))))
                .withTerms(
                        LegalTerm.class,
                        List.of(new LegalTerm(List.of(new LegalDocument(DocumentType.CUSTOM_EULA, EULA_URL, null)))))
                .withAvailabilityEndDate(AVAILABILITY_END);
    }

    @Nested
    class Creating {

        @Test
        void makesADraftForTheAgreementsProductTargetedAtTheAccountThatHoldsIt() {
            var created =
                    accepted(decide(null, new CreateReplacementOffer(AGREEMENT, "Amended deal"), ACTIVE_CONTRACT));

            assertThat(created.state()).isEqualTo(OfferState.DRAFT);
            assertThat(created.replacesAgreementId()).isEqualTo(AGREEMENT);
            assertThat(created.productId()).isEqualTo(SAAS.id());
            assertThat(created.buyerAccounts()).containsExactly(BUYER);
            assertThat(created.name()).isEqualTo("Amended deal");
        }

        @Test
        void refusesAnAgreementTheSellerDidNotPropose() {
            assertThat(codes(decide(
                            null,
                            new CreateReplacementOffer(AGREEMENT, null),
                            facts(OTHER_SELLER, ProductType.SAAS, true, true))))
                    .containsExactly("INCOMPATIBLE_AGREEMENT");
            assertThat(codes(decide(null, new CreateReplacementOffer(AGREEMENT, null), null)))
                    .containsExactly("INCOMPATIBLE_AGREEMENT");
        }

        @Test
        void refusesAnAgreementThatIsNoLongerActive() {
            assertThat(codes(decide(
                            null,
                            new CreateReplacementOffer(AGREEMENT, null),
                            facts(SELLER, ProductType.SAAS, false, true))))
                    .containsExactly("INCOMPATIBLE_AGREEMENT");
        }

        @Test
        void refusesAgreementsForOtherProductsThanSaas() {
            assertThat(codes(decide(
                            null,
                            new CreateReplacementOffer(AGREEMENT, null),
                            facts(SELLER, ProductType.AMI, true, true))))
                    .containsExactly("INCOMPATIBLE_PRODUCT");
        }

        @Test
        void refusesAgreementsThatAreNoContract() {
            assertThat(codes(decide(
                            null,
                            new CreateReplacementOffer(AGREEMENT, null),
                            facts(SELLER, ProductType.SAAS, true, false))))
                    .containsExactly("INCOMPATIBLE_AGREEMENT");
        }
    }

    @Nested
    class Changing {

        @Test
        void keepsTheTargetingOnTheAgreementsAccount() {
            var other = new TargetingRule(List.of(new AccountId("222222222222")), List.of(), List.of());

            assertThat(codes(decide(replacementDraft(), new UpdateTargeting(other), ACTIVE_CONTRACT)))
                    .containsExactly("INCOMPATIBLE_TARGETING");
        }

        @Test
        void acceptsOnlyContractPricing() {
            var usage = new UpdatePricingTerms(
                    OfferPricingModel.USAGE, List.of(OfferDecisionsTests.usage("USD", "calls", "0.01")));

            assertThat(codes(decide(replacementDraft(), usage, ACTIVE_CONTRACT)))
                    .contains("INCOMPATIBLE_AGREEMENT");
        }

        @Test
        void refusesAFutureStartBecauseTheReplacementStartsOnAcceptance() {
            var futureDated =
                    new UpdateValidityTerms(new ValidityTerm(null, TODAY.plusMonths(2), TODAY.plusMonths(14)));

            assertThat(codes(decide(replacementDraft(), futureDated, ACTIVE_CONTRACT)))
                    .contains("INCOMPATIBLE_AGREEMENT");
        }

        @Test
        void leavesOrdinaryOffersAlone() {
            var other = new TargetingRule(List.of(new AccountId("222222222222")), List.of(), List.of());

            assertThat(codes(decide(OfferFixtures.draft(), new UpdateTargeting(other), null)))
                    .isEmpty();
        }
    }

    @Nested
    class Releasing {

        @Test
        void releasesAReplacementWithAnAgreementEndDate() {
            var released = accepted(decide(readyReplacement(), new ReleaseOffer(), ACTIVE_CONTRACT));

            assertThat(released.state()).isEqualTo(OfferState.RELEASED);
        }

        @Test
        void needsAnAgreementEndDateRatherThanADuration() {
            var withDuration = readyReplacement()
                    .withTerms(ValidityTerm.class, List.of(new ValidityTerm(Period.ofMonths(12), null, null)));

            assertThat(codes(decide(withDuration, new ReleaseOffer(), ACTIVE_CONTRACT)))
                    .containsExactly("MISSING_AGREEMENT_END_DATE");
        }

        @Test
        void refusesWhenTheAgreementEndedMeanwhile() {
            assertThat(codes(decide(
                            readyReplacement(), new ReleaseOffer(), facts(SELLER, ProductType.SAAS, false, true))))
                    .containsExactly("INCOMPATIBLE_AGREEMENT");
        }

        @Test
        void refusesWhenTheAgreementIsHeldByAnotherAccountThanTheTargetedOne() {
            var heldElsewhere = new AgreementFacts(
                    AGREEMENT,
                    SELLER,
                    new AccountId("333333333333"),
                    SAAS.id(),
                    ProductType.SAAS,
                    true,
                    "ACTIVE",
                    true,
                    null,
                    false,
                    null);

            assertThat(codes(decide(readyReplacement(), new ReleaseOffer(), heldElsewhere)))
                    .containsExactly("INCOMPATIBLE_TARGETING");
        }
    }

    @Nested
    class Documents {

        @Test
        void readsTheAgreementIdAndAnOptionalName() {
            var checks = new Validations();
            var change = OfferChanges.parse(
                    "CreateReplacementOffer",
                    json("{\"AgreementId\":\"" + AGREEMENT + "\",\"Name\":\"Amended deal\"}"),
                    "ChangeSet[0].DetailsDocument",
                    checks);

            assertThat(change).isEqualTo(new CreateReplacementOffer(AGREEMENT, "Amended deal"));
        }

        @Test
        void namesTheFieldOfAMissingOrMalformedAgreementId() {
            var missing = new Validations();
            OfferChanges.parse(
                    "CreateReplacementOffer", json("{\"Name\":\"x\"}"), "ChangeSet[0].DetailsDocument", missing);
            var spaced = new Validations();
            OfferChanges.parse(
                    "CreateReplacementOffer",
                    json("{\"AgreementId\":\"agmt 1\"}"),
                    "ChangeSet[0].DetailsDocument",
                    spaced);

            assertThat(OfferFixtures.violations(missing))
                    .extracting(v -> v.field() + " " + v.code())
                    .containsExactly("ChangeSet[0].DetailsDocument.AgreementId validation.required");
            assertThat(OfferFixtures.violations(spaced))
                    .extracting(v -> v.field() + " " + v.code())
                    .containsExactly("ChangeSet[0].DetailsDocument.AgreementId validation.offer.agreementId");
        }

        @Test
        void describesAndStoresTheReplacedAgreement() {
            var offer = readyReplacement().withRevision(3);

            assertThat(OfferDocuments.describe(offer).get("AgreementId").asString())
                    .isEqualTo(AGREEMENT);
            assertThat(OfferDocuments.load(OfferDocuments.store(offer))).isEqualTo(offer);
            assertThat(OfferDocuments.describe(OfferFixtures.readyDraft()).has("AgreementId"))
                    .isFalse();
        }
    }
}
