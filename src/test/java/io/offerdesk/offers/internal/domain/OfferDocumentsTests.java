package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferFixtures.BUYER;
import static io.offerdesk.offers.internal.domain.OfferFixtures.JSON;
import static io.offerdesk.offers.internal.domain.OfferFixtures.NOW;
import static io.offerdesk.offers.internal.domain.OfferFixtures.json;
import static io.offerdesk.offers.internal.domain.OfferFixtures.readyDraft;
import static io.offerdesk.offers.internal.domain.OfferFixtures.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term.BillingPeriod;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTermTemplate;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.TemplateCharge;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateVariablePaymentTerms;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offer's JSON: AWS's DescribeEntity DetailsDocument, and the stored form read back unchanged. */
class OfferDocumentsTests {

    @Test
    void describesAnOfferInTheShapeOfDescribeEntity() {
        var offer = released()
                .withInformation(
                        "Acme private offer",
                        "Three-year deal",
                        new PreExistingAgreement(AcquisitionChannel.EXTERNAL, OfferPricingModel.CONTRACT))
                .withTargeting(new TargetingRule(List.of(BUYER), List.of("US"), List.of()));

        assertThat(OfferDocuments.describe(offer)).isEqualTo(json("""
                        {"Id":"offer-abcdefghijklm","State":"Released","Name":"Acme private offer",
                         "Description":"Three-year deal","ProductId":"prod-abcdefghijklm",
                         "PreExistingAgreement":{"AcquisitionChannel":"External","PricingModel":"Contract"},
                         "Terms":[
                          {"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD","Price":"0.0",
                           "Grants":[{"DimensionKey":"users","MaxQuantity":10}]},
                          {"Type":"ValidityTerm","AgreementDuration":"P12M"},
                          {"Type":"PaymentScheduleTerm","CurrencyCode":"USD","Schedule":[
                            {"ChargeDate":"2026-03-15T00:00:00.000Z","ChargeAmount":"200.00"},
                            {"ChargeDate":"2026-04-19T00:00:00.000Z","ChargeAmount":"170.00"}]},
                          {"Type":"LegalTerm","Documents":[
                            {"Type":"CustomEula","Url":"https://s3.amazonaws.com/sample-bucket/custom-eula.pdf"}]}],
                         "Rules":[
                          {"Type":"AvailabilityRule","AvailabilityEndDate":"2026-03-20T23:59:59.999Z"},
                          {"Type":"TargetingRule","PositiveTargeting":{"CountryCodes":["US"],"BuyerAccounts":["111111111111"]}}]}
                        """));
    }

    @Test
    void describesAVariablePaymentTermInTheShapeItsChangeTakes() {
        var term = new VariablePaymentTerm("USD", new BigDecimal("50000.00"));
        var offer = released().withTerms(VariablePaymentTerm.class, List.of(term));

        var described = OfferDocuments.describe(offer).get("Terms").get(4);

        assertThat(described).isEqualTo(json("""
                        {"Type":"VariablePaymentTerm","CurrencyCode":"USD","MaxTotalChargeAmount":"50000.00"}
                        """));
        var details = JSON.createObjectNode();
        details.putArray("Terms").add(described);
        var checks = new Validations();
        assertThat(OfferChanges.parse("UpdateVariablePaymentTerms", details, "DetailsDocument", checks))
                .isEqualTo(new UpdateVariablePaymentTerms(term));
        assertThat(OfferDocuments.load(OfferDocuments.store(offer)).term(VariablePaymentTerm.class))
                .contains(term);
    }

    @Test
    void omitsWhatADraftDoesNotHaveYet() {
        var draft = Offer.draft(OfferFixtures.OFFER_ID, OfferFixtures.SELLER, "prod-abcdefghijklm", null, NOW);

        assertThat(OfferDocuments.describe(draft)).isEqualTo(json("""
                        {"Id":"offer-abcdefghijklm","State":"Draft","ProductId":"prod-abcdefghijklm","Terms":[],"Rules":[]}
                        """));
    }

    @Test
    void readsBackEveryTermAsStored() {
        var range = new PriceIncrease.PercentageRange(
                new BigDecimal("0.00"), new BigDecimal("10.00"), new BigDecimal("3.5"));
        var offer = readyDraft()
                .withTargeting(new TargetingRule(List.of(), List.of(), List.of("CU", "IR")))
                .withPricingModel(OfferPricingModel.CONTRACT)
                .withTerms(
                        PricingTerm.class,
                        List.of(
                                new ConfigurableUpfrontPricingTerm(
                                        "USD",
                                        List.of(new ContractRateCard(
                                                Period.ofMonths(12),
                                                new Constraints(Constraint.ALLOWED, Constraint.ALLOWED),
                                                List.of(new Rate("users", new BigDecimal("1200.000")))))),
                                new UsageBasedPricingTerm(
                                        "USD",
                                        List.of(new UsageRateCard(
                                                List.of(new Rate("calls", new BigDecimal("0.00000001")))))),
                                new RecurringPaymentTerm("USD", BillingPeriod.MONTHLY, new BigDecimal("99")),
                                new FreeTrialPricingTerm(Period.ofDays(14), List.of(new Grant("users", null)))))
                .withTerms(SupportTerm.class, List.of(new SupportTerm("Refunds within 30 days")))
                .withTerms(
                        ValidityTerm.class,
                        List.of(new ValidityTerm(null, LocalDate.parse("2026-06-01"), LocalDate.parse("2027-05-31"))))
                .withTerms(NetPaymentTerm.class, List.of(new NetPaymentTerm(Period.ofDays(60))))
                .withTerms(
                        VariablePaymentTerm.class, List.of(new VariablePaymentTerm("USD", new BigDecimal("50000.50"))))
                .withTerms(
                        RenewalTerm.class,
                        List.of(new RenewalTerm(
                                Period.ofDays(30),
                                Period.ofDays(45),
                                3,
                                range,
                                new PaymentScheduleTermTemplate(List.of(
                                        new TemplateCharge(Period.ofMonths(0), new BigDecimal("40"), 1),
                                        new TemplateCharge(Period.ofMonths(6), new BigDecimal("60.00"), null))))))
                .released(NOW);

        assertThat(OfferDocuments.load(OfferDocuments.store(offer))).isEqualTo(offer);
        assertThat(OfferDocuments.load(OfferDocuments.store(released()))).isEqualTo(released());
    }

    @Test
    void refusesStoredJsonThatIsNoOffer() {
        assertThatIllegalStateException().isThrownBy(() -> OfferDocuments.load("{\"Id\":\"offer-x\"}"));
    }
}
