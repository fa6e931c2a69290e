package io.offerdesk.gtm.internal.approvals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.PublicOffer;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.Resale;
import io.offerdesk.offers.Term;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Which approvals a draft needs: the facts rules read, each condition, and how matching rules' steps combine. */
class ApprovalPolicyTests {

    static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2027-01-10");
    static final UUID SELLER = UUID.randomUUID();

    static final Approver APPROVER = Approver.of(Role.OFFER_APPROVER);
    static final Approver FINANCE = Approver.of(Role.FINANCE);
    static final Approver ADMIN = Approver.of(Role.ADMIN);

    @Test
    void thirtyPercentOffAListPriceOfTwelveHundredPerAnalystIsAThirtyPercentDiscount() {
        var facts = OfferFacts.of(scheduled("700.00", "700.00"), product(), null, false, 0);

        // 10 analysts at USD 1200.00 for 12 months list at 12000.00; 12 × 700.00 = 8400.00 is 30 % off.
        assertThat(facts.discountPercent()).isEqualByComparingTo("30");
        assertThat(facts.totalContractValue()).isEqualTo(Money.parse("USD 8400.00"));
        assertThat(facts.customEula()).isFalse();
        assertThat(facts.backLoadFactor()).isEqualByComparingTo("1");
        assertThat(facts.markupPercent()).isNull();
        assertThat(facts.renewalGapDays()).isNull();
    }

    @Test
    void aContractRateForAnotherDurationIsComparedWithTheProratedListPrice() {
        var offer = draft().withTerms(
                        Term.PricingTerm.class,
                        List.of(new Term.ConfigurableUpfrontPricingTerm(
                                "USD",
                                List.of(new Term.ContractRateCard(
                                        Period.ofMonths(24),
                                        new Term.Constraints(Term.Constraint.ALLOWED, Term.Constraint.ALLOWED),
                                        List.of(new Term.Rate("analysts", new BigDecimal("1800.00"))))))));

        // 24 months list at 2 × 1200.00 = 2400.00; 1800.00 is 25 % off.
        assertThat(OfferFacts.of(offer, product(), null, false, 0).discountPercent())
                .isEqualByComparingTo("25");
    }

    @Test
    void aScheduleWhoseLaterInstallmentIsLargerIsBackLoadedByTheirRatio() {
        var facts = OfferFacts.of(scheduled("500.00", "1500.00"), product(), null, false, 0);
        assertThat(facts.backLoadFactor()).isEqualByComparingTo("3");
        assertThat(new Condition.BackLoaded(new BigDecimal("2")).matches(facts)).isTrue();
        assertThat(new Condition.BackLoaded(new BigDecimal("3.5")).matches(facts))
                .isFalse();
        assertThat(OfferFacts.of(scheduled("0.00", "100.00"), product(), null, false, 0)
                        .backLoadFactor())
                .isEqualTo(OfferFacts.ZERO_FIRST_INSTALLMENT);
    }

    @Test
    void aChannelPartnerMarkupBelowTheFloorMatches() {
        var offer = scheduled("700.00", "700.00")
                .withResale(new Resale("resaleauthz-1", UUID.randomUUID(), List.of(), new BigDecimal("4")));
        var facts = OfferFacts.of(offer, product(), null, false, 0);
        assertThat(facts.markupPercent()).isEqualByComparingTo("4");
        assertThat(new Condition.MarginBelow(new BigDecimal("5")).matches(facts))
                .isTrue();
        assertThat(new Condition.MarginBelow(new BigDecimal("4")).matches(facts))
                .isFalse();
    }

    @Test
    void withoutASetMarkupTheMarginIsTheBuyerTotalOverTheWholesaleTotal() {
        var wholesale = new Term.PaymentScheduleTerm(
                "USD", List.of(new Term.Installment(TODAY.plusDays(10), new BigDecimal("8000.00"))));
        var offer = scheduled("700.00", "700.00")
                .withResale(new Resale("resaleauthz-1", UUID.randomUUID(), List.of(wholesale), null));
        // 8400.00 over 8000.00 is 5 %.
        assertThat(OfferFacts.of(offer, product(), null, false, 0).markupPercent())
                .isEqualByComparingTo("5");
    }

    @Test
    void aReplacementStartingDaysAfterTheOldAgreementEndsLeavesAGap() {
        var offer = draft().withTerms(
                        Term.ValidityTerm.class,
                        List.of(new Term.ValidityTerm(null, TODAY.plusDays(40), TODAY.plusDays(400))));
        // The old agreement covers day 30; days 31 to 39 are uncovered.
        assertThat(OfferFacts.of(offer, product(), TODAY.plusDays(30), false, 0).renewalGapDays())
                .isEqualTo(9);
        assertThat(OfferFacts.of(offer, product(), TODAY.plusDays(39), false, 0).renewalGapDays())
                .isZero();
        assertThat(new Condition.RenewalGap(1).matches(OfferFacts.of(offer, product(), TODAY.plusDays(39), false, 0)))
                .isFalse();
    }

    @Test
    void contractValueIsComparedInTheThresholdsCurrencyOnly() {
        var facts = OfferFacts.of(scheduled("700.00", "700.00"), product(), null, false, 0);
        assertThat(new Condition.ContractValue(Money.parse("USD 8400.00")).matches(facts))
                .isTrue();
        assertThat(new Condition.ContractValue(Money.parse("USD 8400.01")).matches(facts))
                .isFalse();
        assertThat(new Condition.ContractValue(Money.of(CurrencyUnit.EUR, 1)).matches(facts))
                .isFalse();
    }

    @Test
    void aDiscountRuleMatchesAtItsThresholdAndAboveOnly() {
        var policy = policy(rule(new Condition.Discount(new BigDecimal("25")), StepMode.SEQUENTIAL, APPROVER, FINANCE));
        assertThat(policy.required(OfferFacts.of(scheduled("700.00", "700.00"), product(), null, false, 0)))
                .containsExactly(new RequiredApproval(1, APPROVER), new RequiredApproval(2, FINANCE));
        // 12 × 900.00 = 10800.00 is 10 % off: no approval.
        assertThat(policy.required(OfferFacts.of(scheduled("900.00", "900.00"), product(), null, false, 0)))
                .isEmpty();
        // 12 × 750.00 = 9000.00 is exactly 25 % off.
        assertThat(policy.required(OfferFacts.of(scheduled("750.00", "750.00"), product(), null, false, 0)))
                .hasSize(2);
    }

    @Test
    void aParallelRulePutsAllItsApproversInOneStep() {
        var policy = policy(rule(new Condition.CustomEula(), StepMode.PARALLEL, FINANCE, ADMIN));
        var facts = new OfferFacts(null, null, true, null, null, null, false, 0);
        assertThat(policy.required(facts))
                .containsExactly(new RequiredApproval(1, FINANCE), new RequiredApproval(1, ADMIN));
    }

    @Test
    void matchingRulesMergeStepByStepAndAskAnApproverOnceInTheLatestStepAnyRuleGivesIt() {
        var policy = policy(
                rule(new Condition.Discount(BigDecimal.TEN), StepMode.SEQUENTIAL, APPROVER, FINANCE),
                rule(new Condition.CustomEula(), StepMode.PARALLEL, FINANCE, ADMIN),
                rule(new Condition.BackLoaded(BigDecimal.TEN), StepMode.SEQUENTIAL, ADMIN));
        var facts = new OfferFacts(new BigDecimal("30"), null, true, BigDecimal.ONE, null, null, false, 0);

        // FINANCE is step 2 of the first rule and step 1 of the second: asked once, in step 2, after the approver.
        assertThat(policy.required(facts))
                .containsExactly(
                        new RequiredApproval(1, APPROVER),
                        new RequiredApproval(1, ADMIN),
                        new RequiredApproval(2, FINANCE));
    }

    @Test
    void stepsLeftEmptyByMergingAreDroppedAndTheRestNumberedFromOne() {
        var policy = policy(
                rule(new Condition.CustomEula(), StepMode.SEQUENTIAL, FINANCE, ADMIN, APPROVER),
                rule(new Condition.CustomEula(), StepMode.SEQUENTIAL, APPROVER, FINANCE, ADMIN));
        var facts = new OfferFacts(null, null, true, null, null, null, false, 0);
        // FINANCE ends in step 2, ADMIN in 3, APPROVER in 3: step 1 is empty and goes.
        assertThat(policy.required(facts)).extracting(RequiredApproval::step).containsExactly(1, 2, 2);
    }

    @Test
    void aRuleThatDoesNotMatchAsksNothingAndNoRulesAskNothing() {
        var facts = OfferFacts.of(scheduled("700.00", "700.00"), product(), null, false, 0);
        assertThat(policy(rule(new Condition.CustomEula(), StepMode.SEQUENTIAL, FINANCE))
                        .required(facts))
                .isEmpty();
        assertThat(ApprovalPolicy.empty().required(facts)).isEmpty();
    }

    @Test
    void aNamedUserIsTheSameApproverWhateverTheLabel() {
        var user = UUID.randomUUID();
        var policy = policy(
                rule(new Condition.CustomEula(), StepMode.SEQUENTIAL, Approver.user(user, "Fay")),
                rule(new Condition.CustomEula(), StepMode.SEQUENTIAL, FINANCE, Approver.user(user, "Fay Finance")));
        var required = policy.required(new OfferFacts(null, null, true, null, null, null, false, 0));
        assertThat(required).hasSize(2);
        assertThat(required.get(1).approver().userId()).isEqualTo(user);
        assertThat(required.get(1).approver().admits(user, java.util.Set.of())).isTrue();
        assertThat(FINANCE.admits(user, java.util.Set.of(Role.OFFER_APPROVER))).isFalse();
    }

    private static ApprovalPolicy policy(ApprovalRule... rules) {
        return new ApprovalPolicy(Duration.ofHours(48), Duration.ofHours(24), List.of(rules));
    }

    private static ApprovalRule rule(Condition condition, StepMode mode, Approver... approvers) {
        return new ApprovalRule(UUID.randomUUID(), "rule", condition, mode, List.of(approvers));
    }

    private static Offer draft() {
        return Offer.draft(new OfferId("offer-abcdefghijklm"), SELLER, "prod-abcdefghijklm", "Draft", NOW);
    }

    /** Ten analysts for twelve months, paid in twelve installments: the first, then eleven of {@code later}. */
    private static Offer scheduled(String first, String later) {
        var installments = new java.util.ArrayList<Term.Installment>();
        installments.add(new Term.Installment(TODAY.plusDays(10), new BigDecimal(first)));
        for (int i = 1; i < 12; i++) {
            installments.add(new Term.Installment(TODAY.plusDays(10).plusMonths(i), new BigDecimal(later)));
        }
        return draft().withTerms(
                        Term.PricingTerm.class,
                        List.of(new Term.FixedUpfrontPricingTerm(
                                "USD", BigDecimal.ZERO, List.of(new Term.Grant("analysts", 10)), null)))
                .withTerms(Term.ValidityTerm.class, List.of(new Term.ValidityTerm(Period.ofMonths(12), null, null)))
                .withTerms(Term.PaymentScheduleTerm.class, List.of(new Term.PaymentScheduleTerm("USD", installments)));
    }

    private static Product product() {
        return new Product(
                new ProductId("prod-abcdefghijklm"),
                SELLER,
                ProductType.SAAS,
                "Insights",
                "Analytics",
                null,
                Visibility.PUBLIC,
                List.of(),
                List.of(),
                List.of(),
                new Delivery.Saas("https://seller.example/signup"),
                new PublicOffer(
                        List.of(PricingModel.CONTRACT),
                        null,
                        List.of(new ListPrice.Contract("analysts", 12, Money.parse("USD 1200.00")))),
                NOW,
                NOW,
                1);
    }

    @Test
    void changedClausesAndOpenChecklistItemsAreConditionsOfTheirOwn() {
        var offer = scheduled("700.00", "700.00");
        var plain = OfferFacts.of(offer, product(), null, false, 0);
        var negotiated = OfferFacts.of(offer, product(), null, true, 2);

        assertThat(new Condition.ChangedClauses().matches(plain)).isFalse();
        assertThat(new Condition.ChangedClauses().matches(negotiated)).isTrue();
        assertThat(new Condition.MissingEvidence().matches(plain)).isFalse();
        assertThat(new Condition.MissingEvidence().matches(negotiated)).isTrue();
        assertThat(new Condition.MissingEvidence().threshold()).isNull();
    }
}
