package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.offers.internal.domain.OfferChange.AgreementUpdate;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOffer;
import io.offerdesk.offers.internal.domain.OfferChange.ReleaseOffer;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateInformation;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateMarkup;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePaymentScheduleTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePricingTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateRenewalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateVariablePaymentTerms;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The synchronous shape check of each change's DetailsDocument: every violation names its full field path. */
class OfferChangesTests {

    static final String PATH = "ChangeSet[2].DetailsDocument";

    private final Validations checks = new Validations();

    @Nullable
    OfferChange parse(String changeType, String details) {
        return OfferChanges.parse(changeType, json(details), PATH, checks);
    }

    /** A change that must parse. */
    <T extends OfferChange> T parsed(Class<T> type, String changeType, String details) {
        var change = parse(changeType, details);
        if (change == null) {
            throw new AssertionError("not parsed: " + violations());
        }
        return type.cast(change);
    }

    List<FieldViolation> violations() {
        return OfferFixtures.violations(checks);
    }

    @Test
    void readsEveryChangeOfAwsSampleChangeSet() {
        var sample = List.of(
                List.of("CreateOffer", "{\"ProductId\":\"prod-1111111111111\"}"),
                List.of("CreateReplacementOffer", "{\"AgreementId\":\"agmt-1111111111111111111111111\"}"),
                List.of("UpdateInformation", "{\"Name\":\"Offer\",\"Description\":\"Desc\"}"),
                List.of("UpdateTargeting", "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"111111111111\"]}}"),
                List.of(
                        "UpdatePricingTerms",
                        "{\"PricingModel\":\"Contract\",\"Terms\":[{\"Type\":\"FixedUpfrontPricingTerm\",\"CurrencyCode\":\"USD\",\"Price\":\"0.0\",\"Grants\":[{\"DimensionKey\":\"BasicService\",\"MaxQuantity\":1}]}]}"),
                List.of(
                        "UpdateValidityTerms",
                        "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"),
                List.of(
                        "UpdatePaymentScheduleTerms",
                        "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":[{\"ChargeDate\":\"2024-01-01\",\"ChargeAmount\":\"200.00\"},{\"ChargeDate\":\"2024-02-01\",\"ChargeAmount\":\"170.00\"}]}]}"),
                List.of(
                        "UpdateLegalTerms",
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"CustomEula\",\"Url\":\"https://s3.amazonaws.com/sample-bucket/custom-eula.pdf\"}]}]}"),
                List.of("UpdateAvailability", "{\"AvailabilityEndDate\":\"2023-12-31\"}"),
                List.of(
                        "UpdateSupportTerms",
                        "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"No refunds\"}]}"),
                List.of(
                        "UpdateNetPaymentTerms",
                        "{\"Terms\":[{\"Type\":\"NetPaymentTerm\",\"PaymentDuePeriod\":\"P30D\"}]}"),
                // Offerdesk's own change type, shaped like AWS's term updates (ADR 0009).
                List.of(
                        "UpdateVariablePaymentTerms",
                        "{\"Terms\":[{\"Type\":\"VariablePaymentTerm\",\"CurrencyCode\":\"USD\",\"MaxTotalChargeAmount\":\"50000.00\"}]}"),
                List.of(
                        "UpdateRenewalTerms",
                        "{\"Terms\":[{\"Type\":\"RenewalTerm\",\"LockoutPeriod\":\"P30D\",\"AdjustmentDeadline\":\"P45D\",\"MaxRenewals\":2,\"PriceIncrease\":{\"Type\":\"PercentageRange\",\"Range\":{\"MinValue\":\"0.00\",\"MaxValue\":\"10.00\",\"DefaultValue\":\"3.00\"}},\"TermTemplates\":[{\"Type\":\"PaymentScheduleTermTemplate\",\"Schedule\":[{\"ChargeDateOffset\":\"P0M\",\"ChargePercentage\":\"100\",\"DayOfMonth\":1}]}]}]}"),
                List.of("ReleaseOffer", "{}"),
                List.of(
                        "CreateOfferUsingResaleAuthorization",
                        "{\"ResaleAuthorizationId\":\"resaleauthz-1111111111111\",\"Name\":\"CPPO\"}"),
                List.of(
                        "CreateReplacementOfferUsingResaleAuthorization",
                        "{\"ResaleAuthorizationId\":\"resaleauthz-1111111111111\",\"AgreementId\":\"agmt-1111111111111111111111111\"}"),
                List.of("UpdateMarkup", "{\"Percentage\":\"5.0\"}"));

        for (var change : sample) {
            assertThat(parse(change.get(0), change.get(1))).as(change.get(0)).isNotNull();
        }
        assertThat(violations()).isEmpty();
        assertThat(OfferChanges.CHANGE_TYPES)
                .containsExactlyInAnyOrderElementsOf(
                        sample.stream().map(change -> change.get(0)).toList());
    }

    @Test
    void readsAmountsAsTheDecimalsTheSellerWrote() {
        var change = parsed(
                UpdatePricingTerms.class,
                "UpdatePricingTerms",
                "{\"PricingModel\":\"Contract\",\"Terms\":[{\"Type\":\"FixedUpfrontPricingTerm\",\"CurrencyCode\":\"USD\",\"Price\":\"1200.50\",\"Grants\":[{\"DimensionKey\":\"users\"}],\"Duration\":\"P365D\"}]}");

        assertThat(change.pricingModel()).isEqualTo(OfferPricingModel.CONTRACT);
        var term = (FixedUpfrontPricingTerm) change.terms().get(0);
        assertThat(term.price()).isEqualTo(new BigDecimal("1200.50"));
        assertThat(term.duration()).hasToString("P365D");
        assertThat(term.grants().get(0).maxQuantity()).isNull();
    }

    @Test
    void acceptsAReferenceToAProductCreatedInTheSameChangeSet() {
        var change = parse("CreateOffer", "{\"ProductId\":\"$CreateProductChange.Entity.Identifier\",\"Name\":\"N\"}");

        assertThat(change).isEqualTo(new CreateOffer("$CreateProductChange.Entity.Identifier", "N"));
    }

    @Test
    void namesEveryBrokenFieldOfACreate() {
        var change = parse("CreateOffer", "{\"ProductId\":\"prod!\",\"Name\":\" padded\",\"Colour\":\"red\"}");

        assertThat(change).isNull();
        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        tuple(PATH + ".Colour", "validation.unknownField"),
                        tuple(PATH + ".ProductId", "validation.offer.productId"),
                        tuple(PATH + ".Name", "validation.leadingSpace"));
    }

    @Test
    void requiresAProductAndLimitsTheName() {
        parse("CreateOffer", "{\"Name\":\"" + "n".repeat(151) + "\"}");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        tuple(PATH + ".ProductId", "validation.required"),
                        tuple(PATH + ".Name", "validation.maxLength"));
    }

    @Test
    void tellsAnAbsentPreExistingAgreementFromAnExplicitNull() {
        var absent = parsed(UpdateInformation.class, "UpdateInformation", "{\"Name\":\"N\"}");
        var nulled = parsed(UpdateInformation.class, "UpdateInformation", "{\"PreExistingAgreement\":null}");
        var given = parsed(
                UpdateInformation.class,
                "UpdateInformation",
                "{\"PreExistingAgreement\":{\"AcquisitionChannel\":\"External\",\"PricingModel\":\"Usage\"}}");

        assertThat(absent).isNotNull();
        assertThat(absent.preExistingAgreement()).isInstanceOf(AgreementUpdate.Keep.class);
        assertThat(nulled).isNotNull();
        assertThat(nulled.preExistingAgreement()).isInstanceOf(AgreementUpdate.Clear.class);
        assertThat(given).isNotNull();
        assertThat(given.preExistingAgreement())
                .isEqualTo(new AgreementUpdate.Replace(
                        new PreExistingAgreement(AcquisitionChannel.EXTERNAL, OfferPricingModel.USAGE)));
    }

    @Test
    void requiresAtLeastOneInformationMemberAndKnownEnumValues() {
        parse("UpdateInformation", "{}");
        parse(
                "UpdateInformation",
                "{\"PreExistingAgreement\":{\"AcquisitionChannel\":\"Reseller\",\"PricingModel\":\"Usage\"}}");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        tuple(PATH, "validation.atLeastOne"),
                        tuple(PATH + ".PreExistingAgreement.AcquisitionChannel", "validation.enum"));
    }

    @Test
    void namesTheScheduleFieldsThatAreNotDatesOrDecimals() {
        var change = parse(
                "UpdatePaymentScheduleTerms",
                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                        + "{\"ChargeDate\":\"2026-02-30\",\"ChargeAmount\":\"10.00\"},"
                        + "{\"ChargeDate\":\"2026-03-01\",\"ChargeAmount\":\"ten\"},"
                        + "{\"ChargeDate\":\"2026-04-01\",\"ChargeAmount\":10}]}]}");

        assertThat(change).isNull();
        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        tuple(PATH + ".Terms[0].Schedule[0].ChargeDate", "validation.date"),
                        tuple(PATH + ".Terms[0].Schedule[1].ChargeAmount", "validation.decimal"),
                        tuple(PATH + ".Terms[0].Schedule[2].ChargeAmount", "validation.type"));
    }

    @Test
    void readsAScheduleWithoutLimitingItsLengthWhichIsASetting() {
        var charges = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            charges.append(i == 0 ? "" : ",")
                    .append("{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"1\"}"
                            .formatted(LocalDate.parse("2026-01-01").plusDays(i)));
        }
        var change = parsed(
                UpdatePaymentScheduleTerms.class,
                "UpdatePaymentScheduleTerms",
                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":[" + charges
                        + "]}]}");

        assertThat(change).isNotNull();
        assertThat(java.util.Objects.requireNonNull(change.term()).schedule())
                .hasSize(61)
                .first()
                .isEqualTo(new Installment(LocalDate.parse("2026-01-01"), BigDecimal.ONE));
    }

    @Test
    void namesBadAccountsAndCountries() {
        parse(
                "UpdateTargeting",
                "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"111111111111\",\"1234\"],\"CountryCodes\":[\"usa\"]},"
                        + "\"NegativeTargeting\":{\"CountryCodes\":[]}}");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        tuple(PATH + ".PositiveTargeting.BuyerAccounts[1]", "validation.accountId"),
                        tuple(PATH + ".PositiveTargeting.CountryCodes[0]", "validation.countryCode"),
                        tuple(PATH + ".NegativeTargeting.CountryCodes", "validation.size"));
    }

    @Test
    void namesBadPricingMembers() {
        parse(
                "UpdatePricingTerms",
                "{\"PricingModel\":\"Monthly\",\"Terms\":["
                        + "{\"Type\":\"LegalTerm\",\"Documents\":[]},"
                        + "{\"Type\":\"FreeTrialPricingTerm\",\"Duration\":\"2 weeks\",\"Grants\":[{\"DimensionKey\":\"u\",\"MaxQuantity\":0}]},"
                        + "{\"Type\":\"UsageBasedPricingTerm\",\"CurrencyCode\":\"USD\",\"RateCards\":[{\"RateCard\":[{\"DimensionKey\":\"c\",\"Price\":\"-1\"}]}]},"
                        + "{\"Type\":\"ConfigurableUpfrontPricingTerm\",\"CurrencyCode\":\"USD\",\"RateCards\":[{\"Selector\":{\"Type\":\"Size\",\"Value\":\"P1Y\"},\"Constraints\":{\"MultipleDimensionSelection\":\"Maybe\",\"QuantityConfiguration\":\"Allowed\"},\"RateCard\":[{\"DimensionKey\":\"u\",\"Price\":\"1\"}]}]}]}");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        tuple(PATH + ".PricingModel", "validation.enum"),
                        tuple(PATH + ".Terms[0].Type", "validation.enum"),
                        tuple(PATH + ".Terms[1].Duration", "validation.period"),
                        tuple(PATH + ".Terms[1].Grants[0].MaxQuantity", "validation.range"),
                        tuple(PATH + ".Terms[2].RateCards[0].RateCard[0].Price", "validation.decimal"),
                        tuple(PATH + ".Terms[3].RateCards[0].Selector.Type", "validation.enum"),
                        tuple(
                                PATH + ".Terms[3].RateCards[0].Constraints.MultipleDimensionSelection",
                                "validation.enum"));
    }

    @Test
    void requiresTheUrlOfACustomEulaAndTheVersionOfAStandardOne() {
        parse(
                "UpdateLegalTerms",
                "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"CustomEula\"},{\"Type\":\"StandardEula\",\"Url\":\"ftp://x\"}]}]}");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        tuple(PATH + ".Terms[0].Documents[0].Url", "validation.required"),
                        tuple(PATH + ".Terms[0].Documents[1].Url", "validation.url"),
                        tuple(PATH + ".Terms[0].Documents[1].Version", "validation.required"));
    }

    @Test
    void requiresExactlyOneLegalTermAndAtMostOneOfTheOthers() {
        parse("UpdateLegalTerms", "{\"Terms\":[]}");
        parse(
                "UpdateValidityTerms",
                "{\"Terms\":[{\"Type\":\"ValidityTerm\"},{\"Type\":\"ValidityTerm\",\"AgreementStartDate\":\"01/02/2026\"}]}");
        parse(
                "UpdateSupportTerms",
                "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"" + "r".repeat(501) + "\"}]}");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        tuple(PATH + ".Terms", "validation.size"),
                        tuple(PATH + ".Terms", "validation.size"),
                        tuple(PATH + ".Terms[1].AgreementStartDate", "validation.date"),
                        tuple(PATH + ".Terms[0].RefundPolicy", "validation.maxLength"));
    }

    @Test
    void namesBadRenewalMembers() {
        parse(
                "UpdateRenewalTerms",
                "{\"Terms\":[{\"Type\":\"RenewalTerm\",\"MaxRenewals\":0,\"PriceIncrease\":{\"Type\":\"FixedPercentage\"},"
                        + "\"TermTemplates\":[{\"Type\":\"PaymentScheduleTermTemplate\",\"Schedule\":[{\"ChargeDateOffset\":\"P1W\",\"ChargePercentage\":\"100\",\"DayOfMonth\":32}]}]}]}");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        tuple(PATH + ".Terms[0].MaxRenewals", "validation.range"),
                        tuple(PATH + ".Terms[0].PriceIncrease.Value", "validation.required"),
                        tuple(PATH + ".Terms[0].TermTemplates[0].Schedule[0].ChargeDateOffset", "validation.period"),
                        tuple(PATH + ".Terms[0].TermTemplates[0].Schedule[0].DayOfMonth", "validation.range"));
    }

    @Test
    void turnsRenewalOffWithAnEmptyList() {
        var change = parsed(UpdateRenewalTerms.class, "UpdateRenewalTerms", "{\"Terms\":[]}");

        assertThat(change).isNotNull();
        assertThat(change.term()).isNull();
    }

    @Test
    void readsAVariablePaymentTermAndRemovesItWithAnEmptyList() {
        var change = parsed(
                UpdateVariablePaymentTerms.class,
                "UpdateVariablePaymentTerms",
                "{\"Terms\":[{\"Type\":\"VariablePaymentTerm\",\"CurrencyCode\":\"EUR\",\"MaxTotalChargeAmount\":\"50000.00\"}]}");
        var removal = parsed(UpdateVariablePaymentTerms.class, "UpdateVariablePaymentTerms", "{\"Terms\":[]}");

        // BigDecimal equality includes the scale: the amount keeps the decimals the seller wrote.
        assertThat(change.term()).isEqualTo(new VariablePaymentTerm("EUR", new BigDecimal("50000.00")));
        assertThat(removal.term()).isNull();
        assertThat(OfferChanges.changeTypeFor("VariablePaymentTerm")).isEqualTo("UpdateVariablePaymentTerms");
    }

    @Test
    void namesBadVariablePaymentMembers() {
        parse(
                "UpdateVariablePaymentTerms",
                "{\"Terms\":[{\"Type\":\"VariablePaymentTerm\",\"CurrencyCode\":\"USD\",\"MaxTotalChargeAmount\":\"ten\",\"PaymentRequestApprovalStrategy\":\"WAIT_FOR_APPROVAL\"}]}");
        parse(
                "UpdateVariablePaymentTerms",
                "{\"Terms\":[{\"Type\":\"VariablePaymentTerm\",\"CurrencyCode\":\"US Dollar\"}]}");
        parse(
                "UpdateVariablePaymentTerms",
                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":[]}]}");
        parse(
                "UpdateVariablePaymentTerms",
                "{\"Terms\":[{\"Type\":\"VariablePaymentTerm\",\"CurrencyCode\":\"USD\",\"MaxTotalChargeAmount\":\"1\"},"
                        + "{\"Type\":\"VariablePaymentTerm\",\"CurrencyCode\":\"USD\",\"MaxTotalChargeAmount\":\"2\"}]}");

        // The buyer's approval strategy is chosen at acceptance; an offer has no such member.
        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        tuple(PATH + ".Terms[0].PaymentRequestApprovalStrategy", "validation.unknownField"),
                        tuple(PATH + ".Terms[0].MaxTotalChargeAmount", "validation.decimal"),
                        tuple(PATH + ".Terms[0].CurrencyCode", "validation.maxLength"),
                        tuple(PATH + ".Terms[0].MaxTotalChargeAmount", "validation.required"),
                        tuple(PATH + ".Terms[0].Type", "validation.enum"),
                        tuple(PATH + ".Terms", "validation.size"));
    }

    @Test
    void requiresAnEmptyReleaseDocumentAndADateForAvailability() {
        assertThat(parse("ReleaseOffer", "{}")).isEqualTo(new ReleaseOffer());
        parse("ReleaseOffer", "{\"Now\":true}");
        parse("UpdateAvailability", "{\"AvailabilityEndDate\":\"2026-12-31T23:59:59Z\"}");
        parse("UpdateAvailability", "[]");

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        tuple(PATH + ".Now", "validation.unknownField"),
                        tuple(PATH + ".AvailabilityEndDate", "validation.date"),
                        tuple(PATH, "validation.type"));
    }

    @Test
    void refusesChangeTypesItDoesNotApply() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("CreateOfferSet", "{}"));
    }

    @Test
    void readsAMarkupPercentageWithUpToNineDecimalsWrittenAsAString() {
        assertThat(parsed(UpdateMarkup.class, "UpdateMarkup", "{\"Percentage\":\"7.123456789\"}")
                        .percentage())
                .isEqualByComparingTo("7.123456789");

        for (var wrong : List.of("\"-1\"", "\"1.0123456789\"", "5", "\"five\"")) {
            assertThat(parse("UpdateMarkup", "{\"Percentage\":" + wrong + "}"))
                    .as(wrong)
                    .isNull();
        }
        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        tuple(PATH + ".Percentage", "validation.decimal"),
                        tuple(PATH + ".Percentage", "validation.decimal"),
                        tuple(PATH + ".Percentage", "validation.type"),
                        tuple(PATH + ".Percentage", "validation.decimal"));
    }

    @Test
    void needsTheResaleAuthorizationACppoIsCreatedFrom() {
        assertThat(parse("CreateOfferUsingResaleAuthorization", "{\"Name\":\"CPPO\",\"ProductId\":\"prod-1\"}"))
                .isNull();

        assertThat(violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        tuple(PATH + ".ProductId", "validation.unknownField"),
                        tuple(PATH + ".ResaleAuthorizationId", "validation.required"));
    }
}
