package io.offerdesk.offers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * One term of an offer, exactly as AWS Marketplace names and shapes them in {@code DetailsDocument.Terms}. Amounts are
 * kept as the decimals the seller wrote (AWS writes decimal strings), each next to its currency code; the rules that
 * check them compute with Joda-Money. Currency codes stay strings here because an unsupported code is a business error
 * of the change ({@code INVALID_CURRENCY_CODE}), not a malformed request.
 */
public sealed interface Term {

    /** The {@code Type} discriminator AWS writes, e.g. {@code FixedUpfrontPricingTerm}. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** A term that sets what the buyer pays; an offer's pricing terms are replaced together. */
    sealed interface PricingTerm extends Term {}

    /** A term whose amounts are in one currency. */
    interface InCurrency {
        String currencyCode();

        /** The currency; only valid once the offer's rules accepted the code. */
        default CurrencyUnit currency() {
            return CurrencyUnit.of(currencyCode());
        }
    }

    /** The EULA the buyer accepts: one custom document the seller uploaded or a version of the standard contract. */
    record LegalTerm(List<LegalDocument> documents) implements Term {
        public LegalTerm {
            documents = List.copyOf(documents);
        }
    }

    /**
     * One legal document.
     *
     * @param url where a custom EULA was uploaded; set for {@link DocumentType#CUSTOM_EULA}
     * @param version the standard contract version; set for {@link DocumentType#STANDARD_EULA}
     */
    record LegalDocument(
            DocumentType type,
            @Nullable String url,
            @Nullable String version) {}

    enum DocumentType {
        CUSTOM_EULA("CustomEula"),
        STANDARD_EULA("StandardEula");

        private final String wireName;

        DocumentType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    record SupportTerm(String refundPolicy) implements Term {}

    /**
     * A price paid up front for entitled quantities. With a payment schedule the price is 0 and the schedule carries
     * the money.
     *
     * @param duration how long the grants last when it differs from the agreement (AMI hourly-annual)
     */
    record FixedUpfrontPricingTerm(
            String currencyCode,
            BigDecimal price,
            List<Grant> grants,
            @Nullable Period duration) implements PricingTerm, InCurrency {
        public FixedUpfrontPricingTerm {
            grants = List.copyOf(grants);
        }
    }

    /** An entitled dimension and the most units of it the buyer may use; absent means unlimited. */
    record Grant(String dimensionKey, @Nullable Integer maxQuantity) {}

    /** Contract prices per dimension for one or more durations the buyer chooses from. */
    record ConfigurableUpfrontPricingTerm(String currencyCode, List<ContractRateCard> rateCards)
            implements PricingTerm, InCurrency {
        public ConfigurableUpfrontPricingTerm {
            rateCards = List.copyOf(rateCards);
        }
    }

    /**
     * The prices of one contract duration.
     *
     * @param duration the {@code Selector} value; AWS's only selector type is {@code Duration}
     */
    record ContractRateCard(Period duration, Constraints constraints, List<Rate> rateCard) {
        public ContractRateCard {
            rateCard = List.copyOf(rateCard);
        }
    }

    /** Whether the buyer may pick several dimensions and choose quantities; AWS requires both the same. */
    record Constraints(Constraint multipleDimensionSelection, Constraint quantityConfiguration) {}

    enum Constraint {
        ALLOWED("Allowed"),
        DISALLOWED("Disallowed");

        private final String wireName;

        Constraint(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    record Rate(String dimensionKey, BigDecimal price) {}

    /** Prices per metered unit; AWS allows exactly one rate card. */
    record UsageBasedPricingTerm(String currencyCode, List<UsageRateCard> rateCards)
            implements PricingTerm, InCurrency {
        public UsageBasedPricingTerm {
            rateCards = List.copyOf(rateCards);
        }
    }

    record UsageRateCard(List<Rate> rateCard) {
        public UsageRateCard {
            rateCard = List.copyOf(rateCard);
        }
    }

    /** A subscription price charged every billing period. */
    record RecurringPaymentTerm(String currencyCode, BillingPeriod billingPeriod, BigDecimal price)
            implements PricingTerm, InCurrency {}

    enum BillingPeriod {
        MONTHLY("Monthly");

        private final String wireName;

        BillingPeriod(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    record FreeTrialPricingTerm(Period duration, List<Grant> grants) implements PricingTerm {
        public FreeTrialPricingTerm {
            grants = List.copyOf(grants);
        }
    }

    /** Bring your own license: the buyer pays the seller outside the marketplace. */
    record ByolPricingTerm() implements PricingTerm {}

    /**
     * How long an agreement made from the offer runs: a duration from acceptance, or fixed dates (a future start makes
     * a future-dated agreement). Start dates begin at 00:00 UTC, end dates end at 23:59:59.999 UTC.
     */
    record ValidityTerm(
            @Nullable Period agreementDuration,
            @Nullable LocalDate agreementStartDate,
            @Nullable LocalDate agreementEndDate)
            implements Term {}

    /** Installments invoiced at 00:00 UTC on each charge date instead of one upfront price. */
    record PaymentScheduleTerm(String currencyCode, List<Installment> schedule) implements Term, InCurrency {
        public PaymentScheduleTerm {
            schedule = List.copyOf(schedule);
        }
    }

    record Installment(LocalDate chargeDate, BigDecimal chargeAmount) {}

    /**
     * Lets the seller charge the buyer later through payment requests, each up to what remains of the maximum; the buyer
     * chooses at acceptance whether requests wait for approval or are approved when they expire (that choice belongs to
     * the agreement). Set by {@code UpdateVariablePaymentTerms}, a change type of Offerdesk's own: AWS documents the term
     * for agreements but not the Catalog change that puts it into an offer (ADR 0009).
     *
     * @param maxTotalChargeAmount the most all payment requests together may charge; positive, in the currency's minor
     *     units
     */
    record VariablePaymentTerm(String currencyCode, BigDecimal maxTotalChargeAmount) implements Term, InCurrency {

        /** The maximum as money; only valid once the offer's rules accepted the term. */
        public Money maxTotalCharge() {
            return Money.of(currency(), maxTotalChargeAmount);
        }
    }

    /** How long an invoiced buyer has to pay, e.g. P30D. */
    record NetPaymentTerm(Period paymentDuePeriod) implements Term {}

    /**
     * Renews the agreement automatically; an offer without this term does not renew.
     *
     * @param lockoutPeriod how long before the renewal the terms are frozen
     * @param adjustmentDeadline until when before the renewal the seller may still adjust a price-increase range
     * @param paymentScheduleTemplate how the renewed agreement is invoiced when the offer has a payment schedule
     */
    record RenewalTerm(
            @Nullable Period lockoutPeriod,
            @Nullable Period adjustmentDeadline,
            @Nullable Integer maxRenewals,
            @Nullable PriceIncrease priceIncrease,
            @Nullable PaymentScheduleTermTemplate paymentScheduleTemplate)
            implements Term {}

    /** How much dearer a renewal may be, in percent. */
    sealed interface PriceIncrease {
        record FixedPercentage(BigDecimal value) implements PriceIncrease {}

        /** The seller may choose a value in the range until the adjustment deadline; otherwise the default applies. */
        record PercentageRange(BigDecimal minValue, BigDecimal maxValue, BigDecimal defaultValue)
                implements PriceIncrease {}
    }

    record PaymentScheduleTermTemplate(List<TemplateCharge> schedule) {
        public PaymentScheduleTermTemplate {
            schedule = List.copyOf(schedule);
        }
    }

    /**
     * One installment of a renewal, placed relative to the renewal date.
     *
     * @param chargePercentage the share of the renewal price, 0.01–100; a template's shares sum to 100
     */
    record TemplateCharge(
            Period chargeDateOffset,
            BigDecimal chargePercentage,
            @Nullable Integer dayOfMonth) {}
}
