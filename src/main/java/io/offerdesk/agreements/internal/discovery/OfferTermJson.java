package io.offerdesk.agreements.internal.discovery;

import io.offerdesk.agreements.Listing;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One term of an offer as the Discovery API's {@code GetOfferTerms} writes it: its id ({@link Offer#termId(Term)}),
 * its type and its members in camel case, amounts as decimal strings, durations as ISO-8601 periods. Dimensions are
 * named as the product names them, so a buyer reads "Analyst seats" rather than a key.
 */
sealed interface OfferTermJson {

    String id();

    String type();

    record OfferTermsJson(PurchaseOptionJson offer, List<OfferTermJson> terms) {}

    record ByolPricingTerm(String id, String type) implements OfferTermJson {}

    record FixedUpfrontPricingTerm(
            String id,
            String type,
            String currencyCode,
            String price,
            @Nullable String duration,
            List<GrantJson> grants)
            implements OfferTermJson {}

    record ConfigurableUpfrontPricingTerm(String id, String type, String currencyCode, List<RateCardItemJson> rateCards)
            implements OfferTermJson {}

    record UsageBasedPricingTerm(String id, String type, String currencyCode, List<UsageRateCardJson> rateCards)
            implements OfferTermJson {}

    record RecurringPaymentTerm(String id, String type, String currencyCode, String billingPeriod, String price)
            implements OfferTermJson {}

    record FreeTrialPricingTerm(String id, String type, String duration, List<GrantJson> grants)
            implements OfferTermJson {}

    record LegalTerm(String id, String type, List<DocumentJson> documents) implements OfferTermJson {}

    record SupportTerm(String id, String type, String refundPolicy) implements OfferTermJson {}

    record ValidityTerm(
            String id,
            String type,
            @Nullable String agreementDuration,
            @Nullable LocalDate agreementStartDate,
            @Nullable LocalDate agreementEndDate)
            implements OfferTermJson {}

    record PaymentScheduleTerm(String id, String type, String currencyCode, List<ScheduleItemJson> schedule)
            implements OfferTermJson {}

    record NetPaymentTerm(String id, String type, String paymentDuePeriod) implements OfferTermJson {}

    record VariablePaymentTerm(String id, String type, String currencyCode, String maxTotalChargeAmount)
            implements OfferTermJson {}

    /** Renewal; as in the Discovery API, its id and type tell the buyer the agreement renews. */
    record RenewalTerm(String id, String type, @Nullable Integer maxRenewals) implements OfferTermJson {}

    /** @param maxQuantity absent means unlimited */
    record GrantJson(
            String dimensionKey,
            @Nullable String displayName,
            @Nullable String unit,
            @Nullable Integer maxQuantity) {}

    record RateJson(
            String dimensionKey,
            @Nullable String displayName,
            @Nullable String unit,
            String price) {}

    /** @param selector the contract duration the prices are for, e.g. {@code P12M} */
    record RateCardItemJson(
            String selector,
            String multipleDimensionSelection,
            String quantityConfiguration,
            List<RateJson> rateCard) {}

    record UsageRateCardJson(List<RateJson> rateCard) {}

    record DocumentJson(
            String type, @Nullable String url, @Nullable String version) {}

    record ScheduleItemJson(LocalDate chargeDate, String chargeAmount) {}

    static List<OfferTermJson> of(Offer offer, @Nullable Listing product) {
        var dimensions = product == null ? List.<Dimension>of() : product.dimensions();
        return offer.terms().stream()
                .map(term -> of(offer.termId(term), term, dimensions))
                .toList();
    }

    private static OfferTermJson of(String id, Term term, List<Dimension> dimensions) {
        var type = term.type();
        return switch (term) {
            case Term.ByolPricingTerm byol -> new ByolPricingTerm(id, type);
            case Term.FixedUpfrontPricingTerm fixed ->
                new FixedUpfrontPricingTerm(
                        id,
                        type,
                        fixed.currencyCode(),
                        decimal(fixed.price()),
                        period(fixed.duration()),
                        grants(fixed.grants(), dimensions));
            case Term.ConfigurableUpfrontPricingTerm configurable ->
                new ConfigurableUpfrontPricingTerm(
                        id,
                        type,
                        configurable.currencyCode(),
                        configurable.rateCards().stream()
                                .map(card -> new RateCardItemJson(
                                        card.duration().toString(),
                                        card.constraints()
                                                .multipleDimensionSelection()
                                                .wireName(),
                                        card.constraints()
                                                .quantityConfiguration()
                                                .wireName(),
                                        rates(card.rateCard(), dimensions)))
                                .toList());
            case Term.UsageBasedPricingTerm usage ->
                new UsageBasedPricingTerm(
                        id,
                        type,
                        usage.currencyCode(),
                        usage.rateCards().stream()
                                .map(card -> new UsageRateCardJson(rates(card.rateCard(), dimensions)))
                                .toList());
            case Term.RecurringPaymentTerm recurring ->
                new RecurringPaymentTerm(
                        id,
                        type,
                        recurring.currencyCode(),
                        recurring.billingPeriod().wireName(),
                        decimal(recurring.price()));
            case Term.FreeTrialPricingTerm trial ->
                new FreeTrialPricingTerm(id, type, trial.duration().toString(), grants(trial.grants(), dimensions));
            case Term.LegalTerm legal ->
                new LegalTerm(
                        id,
                        type,
                        legal.documents().stream()
                                .map(document -> new DocumentJson(
                                        document.type().wireName(), document.url(), document.version()))
                                .toList());
            case Term.SupportTerm support -> new SupportTerm(id, type, support.refundPolicy());
            case Term.ValidityTerm validity ->
                new ValidityTerm(
                        id,
                        type,
                        period(validity.agreementDuration()),
                        validity.agreementStartDate(),
                        validity.agreementEndDate());
            case Term.PaymentScheduleTerm schedule ->
                new PaymentScheduleTerm(
                        id,
                        type,
                        schedule.currencyCode(),
                        schedule.schedule().stream()
                                .map(installment -> new ScheduleItemJson(
                                        installment.chargeDate(), decimal(installment.chargeAmount())))
                                .toList());
            case Term.NetPaymentTerm netPayment ->
                new NetPaymentTerm(id, type, netPayment.paymentDuePeriod().toString());
            case Term.RenewalTerm renewal -> new RenewalTerm(id, type, renewal.maxRenewals());
            case Term.VariablePaymentTerm variable ->
                new VariablePaymentTerm(id, type, variable.currencyCode(), decimal(variable.maxTotalChargeAmount()));
        };
    }

    private static List<GrantJson> grants(List<Term.Grant> grants, List<Dimension> dimensions) {
        return grants.stream()
                .map(grant -> {
                    var dimension = dimension(dimensions, grant.dimensionKey());
                    return new GrantJson(
                            grant.dimensionKey(),
                            dimension == null ? null : dimension.name(),
                            dimension == null ? null : dimension.unit(),
                            grant.maxQuantity());
                })
                .toList();
    }

    private static List<RateJson> rates(List<Term.Rate> rates, List<Dimension> dimensions) {
        return rates.stream()
                .map(rate -> {
                    var dimension = dimension(dimensions, rate.dimensionKey());
                    return new RateJson(
                            rate.dimensionKey(),
                            dimension == null ? null : dimension.name(),
                            dimension == null ? null : dimension.unit(),
                            decimal(rate.price()));
                })
                .toList();
    }

    private static @Nullable Dimension dimension(List<Dimension> dimensions, String key) {
        return dimensions.stream()
                .filter(dimension -> dimension.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    private static String decimal(BigDecimal value) {
        return value.toPlainString();
    }

    private static @Nullable String period(@Nullable Period period) {
        return period == null ? null : period.toString();
    }
}
