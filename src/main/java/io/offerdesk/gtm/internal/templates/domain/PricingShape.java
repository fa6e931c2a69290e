package io.offerdesk.gtm.internal.templates.domain;

import java.time.Period;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pricing and payment shapes a pricing template can take. Each writes its offer terms as JSON in AWS's term
 * shapes with placeholders ({@code {{grants}}}, {@code {{upfrontPrice}}}, {@code {{usageRates}}},
 * {@code {{schedule:<count>:<period>}}}) that {@link PricingTerms#fill} replaces when an offer is made.
 */
public enum PricingShape {
    /** A multi-year contract invoiced once a year in advance, e.g. 36 months in 3 installments. */
    ANNUAL_IN_ADVANCE,
    /** A contract invoiced monthly, e.g. 12 monthly installments. */
    MONTHLY_INSTALLMENTS,
    /** A contract price paid up front, plus metered usage on top at (discounted) list rates. */
    UPFRONT_PLUS_USAGE;

    public static final int MONTHS_MAX = 60;

    /** Why a duration does not fit the shape, as a message key; absent when it fits. */
    public @org.jspecify.annotations.Nullable String durationProblem(int months) {
        if (months < 1 || months > MONTHS_MAX) {
            return "templates.pricing.duration";
        }
        return this == ANNUAL_IN_ADVANCE && months % 12 != 0 ? "templates.pricing.wholeYears" : null;
    }

    /** The terms skeleton of this shape for a duration (that fits) and a currency. */
    public ObjectNode skeleton(int months, String currency) {
        var nodes = JsonNodeFactory.instance;
        var document = nodes.objectNode();
        document.put("PricingModel", "Contract");
        var pricing = document.putArray("PricingTerms");
        var upfront = pricing.addObject();
        upfront.put("Type", "FixedUpfrontPricingTerm");
        upfront.put("CurrencyCode", currency);
        upfront.put("Price", this == UPFRONT_PLUS_USAGE ? "{{upfrontPrice}}" : "0");
        upfront.put("Grants", "{{grants}}");
        if (this == UPFRONT_PLUS_USAGE) {
            var usage = pricing.addObject();
            usage.put("Type", "UsageBasedPricingTerm");
            usage.put("CurrencyCode", currency);
            usage.putArray("RateCards").addObject().put("RateCard", "{{usageRates}}");
        }
        var validity = document.putObject("ValidityTerm");
        validity.put("Type", "ValidityTerm");
        validity.put("AgreementDuration", Period.ofMonths(months).toString());
        switch (this) {
            case ANNUAL_IN_ADVANCE -> schedule(document, currency, months / 12, Period.ofMonths(12));
            case MONTHLY_INSTALLMENTS -> schedule(document, currency, months, Period.ofMonths(1));
            case UPFRONT_PLUS_USAGE -> {}
        }
        return document;
    }

    private static void schedule(ObjectNode document, String currency, int count, Period interval) {
        var schedule = document.putObject("PaymentScheduleTerm");
        schedule.put("Type", "PaymentScheduleTerm");
        schedule.put("CurrencyCode", currency);
        schedule.put("Schedule", "{{schedule:" + count + ":" + interval + "}}");
    }
}
