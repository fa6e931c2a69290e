package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferErrorCode.DUPLICATE_CHARGE_DATES;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_PRODUCT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_TARGETING;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_TERMS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_AGREEMENT_START_DATE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_AVAILABILITY_END_DATE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_BUYER_ACCOUNTS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_CHARGE_AMOUNT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_CHARGE_DATE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_CURRENCY_CODE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_LEGAL_DOCUMENTS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.MISSING_AVAILABILITY_END_DATE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.MISSING_BUYER_ACCOUNTS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.MISSING_MANDATORY_TERMS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.MISSING_NAME;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.TOO_MANY_BACKDATED_CHARGES;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.TOO_MANY_BUYER_ACCOUNTS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.TOO_MANY_CHARGES;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.TOO_MANY_OFFERS;

import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ByolPricingTerm;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The business rules of an offer's parts, each checking the whole offer as a change would leave it. {@link
 * OfferDecisions} picks the rules a change affects; release runs them all.
 */
final class OfferRules {

    /** Upfront prices and payment schedules may be in these currencies (AWS, private offers). */
    static final Set<String> UPFRONT_CURRENCIES = Set.of("USD", "EUR", "GBP", "AUD", "JPY");
    /** Usage and recurring prices are charged in US dollars only. */
    static final Set<String> USAGE_CURRENCIES = Set.of("USD");

    static final int UPFRONT_PRICE_DECIMALS = 3;
    static final int USAGE_PRICE_DECIMALS = 8;
    static final int TEMPLATE_CHARGES_MAX = 86;
    static final List<Period> NET_PAYMENT_PERIODS = List.of(
            Period.ofDays(15),
            Period.ofDays(30),
            Period.ofDays(45),
            Period.ofDays(60),
            Period.ofDays(90),
            Period.ofDays(120));

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private OfferRules() {}

    static void targeting(Offer offer, OfferContext context, Errors errors) {
        var targeting = offer.targeting();
        if (targeting == null) {
            return;
        }
        var positive = !targeting.buyerAccounts().isEmpty()
                || !targeting.countryCodes().isEmpty();
        errors.check(
                !positive || targeting.excludedCountryCodes().isEmpty(),
                INCOMPATIBLE_TARGETING,
                "Give PositiveTargeting or NegativeTargeting, not both.");
        var max = context.limits().maxBuyerAccounts();
        errors.check(
                targeting.buyerAccounts().size() <= max,
                TOO_MANY_BUYER_ACCOUNTS,
                "PositiveTargeting.BuyerAccounts names %d accounts; an offer may target at most %d.",
                targeting.buyerAccounts().size(),
                max);
        var seen = new HashSet<AccountId>();
        for (var account : targeting.buyerAccounts()) {
            errors.check(
                    seen.add(account),
                    INVALID_BUYER_ACCOUNTS,
                    "PositiveTargeting.BuyerAccounts names %s more than once.",
                    account);
        }
        countries(targeting.countryCodes(), "PositiveTargeting.CountryCodes", errors);
        countries(targeting.excludedCountryCodes(), "NegativeTargeting.CountryCodes", errors);
    }

    private static void countries(List<String> codes, String field, Errors errors) {
        for (var code : codes) {
            errors.check(
                    COUNTRIES.contains(code),
                    INCOMPATIBLE_TARGETING,
                    "%s: %s is not an ISO 3166 country code.",
                    field,
                    code);
        }
    }

    static void pricing(Offer offer, OfferContext context, Errors errors) {
        var terms = pricingTerms(offer);
        var types = new HashSet<String>();
        for (var term : terms) {
            errors.check(
                    types.add(term.type()),
                    INCOMPATIBLE_TERMS,
                    "Terms lists %s more than once; each term type may appear once.",
                    term.type());
        }
        var model = offer.pricingModel();
        if (model != null) {
            pricingModel(model, types, errors);
        }
        var product = context.product();
        var consumed = consumed(terms);
        for (var term : terms) {
            var catalogModel = catalogModel(term);
            errors.check(
                    product.type().allows(catalogModel),
                    INCOMPATIBLE_PRODUCT,
                    "%s needs %s pricing, which %s products don't offer.",
                    term.type(),
                    catalogModel,
                    product.type());
            pricingTerm(term, context, consumed, errors);
        }
        byolOnlyPublic(offer, errors);
    }

    /** The terms a pricing model needs (one of {@code needsOneOf}) and the terms it allows. */
    private record Combination(Set<String> needsOneOf, Set<String> allows) {}

    private static void pricingModel(OfferPricingModel model, Set<String> types, Errors errors) {
        var combination = switch (model) {
            // A contract may carry usage on top (contract with consumption) and a free trial before it.
            case CONTRACT ->
                new Combination(
                        Set.of("FixedUpfrontPricingTerm", "ConfigurableUpfrontPricingTerm", "RecurringPaymentTerm"),
                        Set.of(
                                "FixedUpfrontPricingTerm",
                                "ConfigurableUpfrontPricingTerm",
                                "RecurringPaymentTerm",
                                "UsageBasedPricingTerm",
                                "FreeTrialPricingTerm"));
            // AMI hourly-annual: usage with an upfront annual part that a payment schedule may carry.
            case USAGE ->
                new Combination(
                        Set.of("UsageBasedPricingTerm"),
                        Set.of("UsageBasedPricingTerm", "FixedUpfrontPricingTerm", "FreeTrialPricingTerm"));
            case FREE -> new Combination(Set.of("FreeTrialPricingTerm"), Set.of("FreeTrialPricingTerm"));
            case BYOL ->
                new Combination(Set.of("ByolPricingTerm"), Set.of("ByolPricingTerm", "FixedUpfrontPricingTerm"));
        };
        errors.check(
                types.stream().anyMatch(combination.needsOneOf()::contains),
                INCOMPATIBLE_TERMS,
                "PricingModel %s needs one of %s.",
                model.wireName(),
                sorted(combination.needsOneOf()));
        for (var type : types) {
            errors.check(
                    combination.allows().contains(type),
                    INCOMPATIBLE_TERMS,
                    "%s doesn't fit PricingModel %s.",
                    type,
                    model.wireName());
        }
    }

    /** The catalog's pricing model a term sells by, which the product type must allow. */
    static PricingModel catalogModel(PricingTerm term) {
        return switch (term) {
            case FixedUpfrontPricingTerm fixed -> PricingModel.CONTRACT;
            case ConfigurableUpfrontPricingTerm configurable -> PricingModel.CONTRACT;
            case UsageBasedPricingTerm usage -> PricingModel.USAGE;
            case RecurringPaymentTerm recurring -> PricingModel.SUBSCRIPTION;
            case FreeTrialPricingTerm trial -> PricingModel.FREE_TRIAL;
            case ByolPricingTerm byol -> PricingModel.BYOL;
        };
    }

    /**
     * The metered dimensions the offer's usage rate card prices. A contract may entitle such a dimension as well: a
     * contract with consumption sells one dimension both ways, as AWS's dimension types {@code [Entitled, Metered]}
     * do, and usage beyond the entitled quantity is billed at the usage price (ADR 0021).
     */
    private static Set<String> consumed(List<? extends Term> terms) {
        var keys = new HashSet<String>();
        for (var term : terms) {
            if (term instanceof UsageBasedPricingTerm usage) {
                usage.rateCards().forEach(card -> card.rateCard().forEach(rate -> keys.add(rate.dimensionKey())));
            }
        }
        return keys;
    }

    private static void pricingTerm(PricingTerm term, OfferContext context, Set<String> consumed, Errors errors) {
        var product = context.product();
        switch (term) {
            case FixedUpfrontPricingTerm fixed -> {
                price(fixed.price(), UPFRONT_PRICE_DECIMALS, "FixedUpfrontPricingTerm.Price", errors);
                grants(fixed.grants(), "FixedUpfrontPricingTerm", product, consumed, errors);
            }
            case ConfigurableUpfrontPricingTerm configurable ->
                configurableUpfront(configurable, product, consumed, errors);
            case UsageBasedPricingTerm usage -> {
                var cards = usage.rateCards();
                for (int c = 0; c < cards.size(); c++) {
                    rates(
                            cards.get(c).rateCard(),
                            "UsageBasedPricingTerm.RateCards[" + c + "]",
                            USAGE_PRICE_DECIMALS,
                            DimensionType.METERED,
                            product,
                            Set.of(),
                            errors);
                }
            }
            case RecurringPaymentTerm recurring ->
                price(recurring.price(), UPFRONT_PRICE_DECIMALS, "RecurringPaymentTerm.Price", errors);
            case FreeTrialPricingTerm trial -> {
                var days = trial.duration();
                var limits = context.limits();
                errors.check(
                        days.getYears() == 0
                                && days.getMonths() == 0
                                && days.getDays() >= limits.freeTrialMinDays()
                                && days.getDays() <= limits.freeTrialMaxDays(),
                        INCOMPATIBLE_TERMS,
                        "FreeTrialPricingTerm.Duration %s must be %d to %d days, written in days such as P14D.",
                        days,
                        limits.freeTrialMinDays(),
                        limits.freeTrialMaxDays());
                grants(trial.grants(), "FreeTrialPricingTerm", product, consumed, errors);
            }
            case ByolPricingTerm byol -> {
                // BYOL carries no prices and no dimensions.
            }
        }
    }

    private static void configurableUpfront(
            ConfigurableUpfrontPricingTerm term, ProductFacts product, Set<String> consumed, Errors errors) {
        var durations = new HashSet<Period>();
        Set<String> firstKeys = null;
        var cards = term.rateCards();
        for (int c = 0; c < cards.size(); c++) {
            var card = cards.get(c);
            var field = "ConfigurableUpfrontPricingTerm.RateCards[" + c + "]";
            errors.check(
                    durations.add(card.duration().normalized()),
                    INCOMPATIBLE_TERMS,
                    "%s.Selector.Value %s is listed twice; each duration has one rate card.",
                    field,
                    card.duration());
            errors.check(
                    sameConstraints(card.constraints()),
                    INCOMPATIBLE_TERMS,
                    "%s.Constraints: MultipleDimensionSelection and QuantityConfiguration must both be Allowed or both"
                            + " Disallowed.",
                    field);
            rates(card.rateCard(), field, UPFRONT_PRICE_DECIMALS, DimensionType.ENTITLED, product, consumed, errors);
            var keys = new TreeSet<>(
                    card.rateCard().stream().map(Rate::dimensionKey).toList());
            if (firstKeys == null) {
                firstKeys = keys;
            } else {
                errors.check(
                        keys.equals(firstKeys),
                        INCOMPATIBLE_TERMS,
                        "%s.RateCard prices %s; every duration must price the same dimensions (%s).",
                        field,
                        keys,
                        firstKeys);
            }
        }
    }

    private static boolean sameConstraints(Constraints constraints) {
        return constraints.multipleDimensionSelection() == constraints.quantityConfiguration();
    }

    private static void rates(
            List<Rate> rates,
            String field,
            int decimals,
            DimensionType dimensionType,
            ProductFacts product,
            Set<String> consumed,
            Errors errors) {
        for (int r = 0; r < rates.size(); r++) {
            var rate = rates.get(r);
            var rateField = field + ".RateCard[" + r + "]";
            dimension(rate.dimensionKey(), dimensionType, rateField + ".DimensionKey", product, consumed, errors);
            price(rate.price(), decimals, rateField + ".Price", errors);
        }
    }

    private static void grants(
            List<Grant> grants, String term, ProductFacts product, Set<String> consumed, Errors errors) {
        for (int g = 0; g < grants.size(); g++) {
            var field = term + ".Grants[" + g + "].DimensionKey";
            dimension(grants.get(g).dimensionKey(), DimensionType.ENTITLED, field, product, consumed, errors);
        }
    }

    /** Checks the dimension's type; a contract may also entitle a metered dimension the offer prices by use. */
    private static void dimension(
            String key,
            DimensionType expected,
            String field,
            ProductFacts product,
            Set<String> consumed,
            Errors errors) {
        var type = product.dimensions().get(key);
        var contractWithConsumption =
                expected == DimensionType.ENTITLED && type == DimensionType.METERED && consumed.contains(key);
        if (type == null) {
            errors.add(INCOMPATIBLE_TERMS, "%s: the product has no dimension %s.", field, key);
        } else if (type != expected && !contractWithConsumption) {
            errors.add(
                    INCOMPATIBLE_TERMS,
                    "%s: dimension %s is %s; this term needs a %s dimension.",
                    field,
                    key,
                    type,
                    expected);
        }
    }

    /** AWS limits price decimals per term type (3 upfront, 8 usage), whatever the currency. */
    private static void price(BigDecimal price, int decimals, String field, Errors errors) {
        errors.check(price.signum() >= 0, INCOMPATIBLE_TERMS, "%s %s must not be negative.", field, price);
        errors.check(
                decimalsOf(price) <= decimals,
                INCOMPATIBLE_TERMS,
                "%s %s may have at most %d decimals.",
                field,
                price.toPlainString(),
                decimals);
    }

    static int decimalsOf(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    static void byolOnlyPublic(Offer offer, Errors errors) {
        errors.check(
                !(offer.isPrivate() && offer.term(ByolPricingTerm.class).isPresent()),
                INCOMPATIBLE_TERMS,
                "ByolPricingTerm: bring-your-own-license pricing is for public offers only, and this offer targets"
                        + " buyer accounts.");
    }

    /** One currency per offer, and only the currencies each term type may be paid in. */
    static void currency(Offer offer, Errors errors) {
        var codes = new TreeSet<String>();
        for (var term : offer.terms()) {
            if (term instanceof Term.InCurrency priced) {
                var allowed = term instanceof UsageBasedPricingTerm || term instanceof RecurringPaymentTerm
                        ? USAGE_CURRENCIES
                        : UPFRONT_CURRENCIES;
                errors.check(
                        allowed.contains(priced.currencyCode()),
                        INVALID_CURRENCY_CODE,
                        "%s.CurrencyCode %s is not supported; use one of %s.",
                        term.type(),
                        priced.currencyCode(),
                        sorted(allowed));
                codes.add(priced.currencyCode());
            }
        }
        errors.check(
                codes.size() <= 1,
                INVALID_CURRENCY_CODE,
                "All pricing and payment terms of an offer use one currency; they use %s.",
                codes);
    }

    static void support(Offer offer, Errors errors) {
        errors.check(
                offer.term(SupportTerm.class).isEmpty()
                        || offer.term(FreeTrialPricingTerm.class).isEmpty(),
                INCOMPATIBLE_TERMS,
                "SupportTerm: free-trial offers carry no support terms.");
    }

    static void legal(Offer offer, OfferContext context, Errors errors) {
        var term = offer.term(LegalTerm.class).orElse(null);
        if (term == null) {
            return;
        }
        var documents = term.documents();
        errors.check(
                documents.size() == 1,
                INVALID_LEGAL_DOCUMENTS,
                "LegalTerm.Documents must hold exactly one document; it holds %d.",
                documents.size());
        for (int d = 0; d < documents.size(); d++) {
            var document = documents.get(d);
            if (context.passedOn(document)) {
                continue;
            }
            var field = "LegalTerm.Documents[" + d + "]";
            switch (document.type()) {
                case STANDARD_EULA -> {
                    var version = document.version();
                    errors.check(
                            version != null
                                    && context.standardContractVersions().contains(version),
                            INVALID_LEGAL_DOCUMENTS,
                            "%s.Version %s is not a standard contract version; use one of %s.",
                            field,
                            version,
                            sorted(context.standardContractVersions()));
                }
                case CUSTOM_EULA -> {
                    var url = document.url();
                    errors.check(
                            url != null && context.documentExists(url),
                            INVALID_LEGAL_DOCUMENTS,
                            "%s.Url %s names no document the seller uploaded.",
                            field,
                            url);
                }
            }
        }
    }

    /** Which members of the validity term go together; these hold before and after release. */
    static void validityCombination(Offer offer, OfferContext context, Errors errors) {
        var term = offer.term(ValidityTerm.class).orElse(null);
        if (term == null) {
            return;
        }
        var duration = term.agreementDuration();
        var start = term.agreementStartDate();
        var end = term.agreementEndDate();
        errors.check(
                duration == null || end == null,
                INCOMPATIBLE_TERMS,
                "ValidityTerm: give AgreementDuration or AgreementEndDate, not both.");
        errors.check(
                duration != null || end != null,
                INCOMPATIBLE_TERMS,
                "ValidityTerm: give AgreementDuration or AgreementEndDate; AgreementStartDate alone is not supported.");
        errors.check(
                start == null || end == null || end.isAfter(start),
                INCOMPATIBLE_TERMS,
                "ValidityTerm.AgreementEndDate %s must be after AgreementStartDate %s.",
                end,
                start);
        var months = context.limits().maxContractMonths();
        var begin = start != null ? start : context.today();
        var finish = end != null ? end : duration != null ? begin.plus(duration) : begin;
        errors.check(
                offer.pricingModel() != OfferPricingModel.CONTRACT || !finish.isAfter(begin.plusMonths(months)),
                INCOMPATIBLE_TERMS,
                "ValidityTerm: a contract runs at most %d months.",
                months);
    }

    /** The agreement start date of a future-dated agreement; fixed once the offer is released. */
    static void validityDates(Offer offer, OfferContext context, Errors errors) {
        var start = offer.term(ValidityTerm.class)
                .map(ValidityTerm::agreementStartDate)
                .orElse(null);
        if (start == null) {
            return;
        }
        var today = context.today();
        var years = context.limits().maxFutureStartYears();
        errors.check(
                start.isAfter(today),
                INVALID_AGREEMENT_START_DATE,
                "ValidityTerm.AgreementStartDate %s must be in the future.",
                start);
        errors.check(
                !start.isAfter(today.plusYears(years)),
                INVALID_AGREEMENT_START_DATE,
                "ValidityTerm.AgreementStartDate %s must be within %d years.",
                start,
                years);
        var availability = offer.availabilityEndDate();
        errors.check(
                availability == null || start.isAfter(availability),
                INVALID_AGREEMENT_START_DATE,
                "ValidityTerm.AgreementStartDate %s must be after the AvailabilityEndDate %s.",
                start,
                availability);
        var product = context.product();
        var model = offer.pricingModel();
        errors.check(
                product.type() == ProductType.SAAS && (model == null || model == OfferPricingModel.CONTRACT),
                INCOMPATIBLE_PRODUCT,
                "ValidityTerm: AgreementStartDate in the future isn't supported for %s %s offers, only for SaaS"
                        + " contracts.",
                product.type(),
                model == null ? "" : model.wireName());
    }

    /** The payment schedule on its own: size, dates, amounts, and its link to the upfront price and the expiry. */
    static void schedule(Offer offer, OfferContext context, Errors errors) {
        var term = offer.term(PaymentScheduleTerm.class).orElse(null);
        if (term == null) {
            return;
        }
        var installments = term.schedule();
        var max = context.limits().maxInstallments();
        errors.check(
                installments.size() <= max,
                TOO_MANY_CHARGES,
                "PaymentScheduleTerm.Schedule has %d charges; at most %d are allowed.",
                installments.size(),
                max);
        errors.check(
                !installments.isEmpty(), INCOMPATIBLE_TERMS, "PaymentScheduleTerm.Schedule needs at least one charge.");
        var dates = new HashSet<LocalDate>();
        var duplicates = new TreeSet<LocalDate>();
        for (var installment : installments) {
            if (!dates.add(installment.chargeDate())) {
                duplicates.add(installment.chargeDate());
            }
        }
        errors.check(
                duplicates.isEmpty(),
                DUPLICATE_CHARGE_DATES,
                "PaymentScheduleTerm.Schedule charges more than once on %s; each ChargeDate must be unique.",
                duplicates);
        @Nullable CurrencyUnit currency = UPFRONT_CURRENCIES.contains(term.currencyCode()) ? term.currency() : null;
        for (int i = 0; i < installments.size(); i++) {
            var amount = installments.get(i).chargeAmount();
            var field = "PaymentScheduleTerm.Schedule[" + i + "].ChargeAmount";
            errors.check(amount.signum() >= 0, INVALID_CHARGE_AMOUNT, "%s %s must not be negative.", field, amount);
            if (currency != null) {
                errors.check(
                        PaymentSchedules.fitsCurrencyScale(amount, currency),
                        INVALID_CHARGE_AMOUNT,
                        "%s %s has more decimals than %s allows (%d).",
                        field,
                        amount.toPlainString(),
                        currency.getCode(),
                        currency.getDecimalPlaces());
            }
        }
        backdatedCharges(offer, errors);
        scheduledUpfrontPrice(offer, errors);
        errors.check(
                context.product().type().allows(PricingModel.CONTRACT),
                INCOMPATIBLE_PRODUCT,
                "PaymentScheduleTerm: %s products are not sold by contract, so they have no payment schedule.",
                context.product().type());
    }

    /** Where the schedule's dates stand against today and the agreement's end; checked until release. */
    static void scheduleDates(Offer offer, OfferContext context, Errors errors) {
        var term = offer.term(PaymentScheduleTerm.class).orElse(null);
        if (term == null || term.schedule().isEmpty()) {
            return;
        }
        var dates =
                term.schedule().stream().map(Installment::chargeDate).sorted().toList();
        var first = dates.getFirst();
        var last = dates.getLast();
        errors.check(
                !first.isBefore(context.today()),
                INVALID_CHARGE_DATE,
                "PaymentScheduleTerm: the first ChargeDate %s is in the past.",
                first);
        var lastDay = lastAgreementDay(offer, context.today());
        errors.check(
                lastDay == null || !last.isAfter(lastDay),
                INVALID_CHARGE_DATE,
                "PaymentScheduleTerm: the last ChargeDate %s falls after the agreement ends (%s).",
                last,
                lastDay);
    }

    /**
     * The last day of an agreement accepted today: its end date, or the end of its duration from its start (or from
     * today, when it starts on acceptance). Absent while the offer has no validity term.
     */
    private static @Nullable LocalDate lastAgreementDay(Offer offer, LocalDate today) {
        var term = offer.term(ValidityTerm.class).orElse(null);
        if (term == null) {
            return null;
        }
        if (term.agreementEndDate() != null) {
            return term.agreementEndDate();
        }
        var duration = term.agreementDuration();
        if (duration == null) {
            return null;
        }
        var start = term.agreementStartDate() != null ? term.agreementStartDate() : today;
        return start.plus(duration).minusDays(1);
    }

    /** A buyer who accepts at the last moment is invoiced at once for every charge already due: at most one. */
    static void backdatedCharges(Offer offer, Errors errors) {
        var availability = offer.availabilityEndDate();
        var term = offer.term(PaymentScheduleTerm.class).orElse(null);
        if (availability == null || term == null) {
            return;
        }
        var backdated = term.schedule().stream()
                .filter(installment -> !installment.chargeDate().isAfter(availability))
                .count();
        errors.check(
                backdated <= 1,
                TOO_MANY_BACKDATED_CHARGES,
                "PaymentScheduleTerm: %d charges fall on or before the AvailabilityEndDate %s; at most one may.",
                backdated,
                availability);
    }

    /** With a schedule the installments carry the money, so the upfront price is 0 (AWS). */
    static void scheduledUpfrontPrice(Offer offer, Errors errors) {
        if (offer.term(PaymentScheduleTerm.class).isEmpty()) {
            return;
        }
        offer.term(FixedUpfrontPricingTerm.class)
                .filter(fixed -> fixed.price().signum() != 0)
                .ifPresent(fixed -> errors.add(
                        INCOMPATIBLE_TERMS,
                        "FixedUpfrontPricingTerm.Price must be 0 when the offer has a PaymentScheduleTerm; it is %s.",
                        fixed.price().toPlainString()));
    }

    /**
     * The most the seller may charge through payment requests: more than nothing, in whole minor units of its currency,
     * and only on SaaS contracts, like future-dated agreements. Whether the currency is allowed and the offer's only one
     * is {@link #currency}'s rule; variable payments take the upfront currencies.
     */
    static void variablePayment(Offer offer, OfferContext context, Errors errors) {
        var term = offer.term(VariablePaymentTerm.class).orElse(null);
        if (term == null) {
            return;
        }
        var amount = term.maxTotalChargeAmount();
        var field = "VariablePaymentTerm.MaxTotalChargeAmount";
        errors.check(
                amount.signum() > 0,
                INVALID_CHARGE_AMOUNT,
                "%s %s must be more than 0.",
                field,
                amount.toPlainString());
        if (UPFRONT_CURRENCIES.contains(term.currencyCode())) {
            var currency = term.currency();
            errors.check(
                    PaymentSchedules.fitsCurrencyScale(amount, currency),
                    INVALID_CHARGE_AMOUNT,
                    "%s %s has more decimals than %s allows (%d).",
                    field,
                    amount.toPlainString(),
                    currency.getCode(),
                    currency.getDecimalPlaces());
        }
        var product = context.product();
        errors.check(
                product.type() == ProductType.SAAS,
                INCOMPATIBLE_PRODUCT,
                "VariablePaymentTerm: %s products take no variable payments; only SaaS contracts do.",
                product.type());
        var model = offer.pricingModel();
        errors.check(
                model == null || model == OfferPricingModel.CONTRACT,
                INCOMPATIBLE_PRODUCT,
                "VariablePaymentTerm: %s offers take no variable payments; only SaaS contracts do.",
                model == null ? "" : model.wireName());
    }

    static void netPayment(Offer offer, Errors errors) {
        offer.term(NetPaymentTerm.class)
                .ifPresent(term -> errors.check(
                        NET_PAYMENT_PERIODS.contains(term.paymentDuePeriod()),
                        INCOMPATIBLE_TERMS,
                        "NetPaymentTerm.PaymentDuePeriod %s must be one of %s.",
                        term.paymentDuePeriod(),
                        NET_PAYMENT_PERIODS));
    }

    static void renewal(Offer offer, OfferContext context, Errors errors) {
        var term = offer.term(RenewalTerm.class).orElse(null);
        if (term == null) {
            return;
        }
        var increase = term.priceIncrease();
        errors.check(
                increase != null || !offer.isPrivate(),
                INCOMPATIBLE_TERMS,
                "RenewalTerm.PriceIncrease is required for private offers.");
        if (increase != null) {
            switch (increase) {
                case PriceIncrease.FixedPercentage fixed ->
                    errors.check(
                            isPercentage(fixed.value()),
                            INCOMPATIBLE_TERMS,
                            "RenewalTerm.PriceIncrease.Value %s must be 0 to 100.",
                            fixed.value());
                case PriceIncrease.PercentageRange range ->
                    errors.check(
                            isPercentage(range.minValue())
                                    && isPercentage(range.maxValue())
                                    && range.minValue().compareTo(range.defaultValue()) <= 0
                                    && range.defaultValue().compareTo(range.maxValue()) <= 0,
                            INCOMPATIBLE_TERMS,
                            "RenewalTerm.PriceIncrease.Range needs 0 <= MinValue <= DefaultValue <= MaxValue <= 100;"
                                    + " it is %s, %s, %s.",
                            range.minValue(),
                            range.defaultValue(),
                            range.maxValue());
            }
        }
        var deadline = term.adjustmentDeadline();
        if (deadline != null) {
            errors.check(
                    increase instanceof PriceIncrease.PercentageRange,
                    INCOMPATIBLE_TERMS,
                    "RenewalTerm.AdjustmentDeadline is only allowed with a PercentageRange price increase.");
            var lockout = term.lockoutPeriod();
            var today = context.today();
            errors.check(
                    lockout == null || days(deadline, today) >= days(lockout, today) + 1,
                    INCOMPATIBLE_TERMS,
                    "RenewalTerm.AdjustmentDeadline %s must be at least one day longer than LockoutPeriod %s.",
                    deadline,
                    lockout);
        }
        var template = term.paymentScheduleTemplate();
        if (template == null) {
            errors.check(
                    offer.term(PaymentScheduleTerm.class).isEmpty(),
                    MISSING_MANDATORY_TERMS,
                    "RenewalTerm needs a PaymentScheduleTermTemplate because the offer has a PaymentScheduleTerm.");
            return;
        }
        var charges = template.schedule();
        errors.check(
                !charges.isEmpty() && charges.size() <= TEMPLATE_CHARGES_MAX,
                INCOMPATIBLE_TERMS,
                "RenewalTerm.TermTemplates[0].Schedule has %d charges; it needs 1 to %d.",
                charges.size(),
                TEMPLATE_CHARGES_MAX);
        var sum = charges.stream().map(Term.TemplateCharge::chargePercentage).reduce(BigDecimal.ZERO, BigDecimal::add);
        errors.check(
                sum.compareTo(HUNDRED) == 0,
                INCOMPATIBLE_TERMS,
                "RenewalTerm.TermTemplates[0].Schedule percentages sum to %s; they must sum to 100.",
                sum.toPlainString());
    }

    private static boolean isPercentage(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(HUNDRED) <= 0;
    }

    private static long days(Period period, LocalDate from) {
        return ChronoUnit.DAYS.between(from, from.plus(period));
    }

    /**
     * The availability end date against the offer's state, its agreement dates and its schedule. A past date is
     * refused on a draft but allowed on a released offer: that is how an offer is cancelled.
     */
    static void availability(Offer offer, OfferContext context, Errors errors) {
        var date = offer.availabilityEndDate();
        if (date == null) {
            return;
        }
        if (offer.state() == OfferState.DRAFT) {
            errors.check(
                    !date.isBefore(context.today()),
                    INVALID_AVAILABILITY_END_DATE,
                    "Provide a future AvailabilityEndDate; %s has passed.",
                    date);
        } else {
            errors.check(
                    offer.isPrivate(),
                    INVALID_AVAILABILITY_END_DATE,
                    "AvailabilityEndDate is not supported for public offers.");
        }
        var validity = offer.term(ValidityTerm.class);
        var end = validity.map(ValidityTerm::agreementEndDate).orElse(null);
        errors.check(
                end == null || date.isBefore(end),
                INVALID_AVAILABILITY_END_DATE,
                "AvailabilityEndDate %s must be before the AgreementEndDate %s.",
                date,
                end);
        var start = validity.map(ValidityTerm::agreementStartDate).orElse(null);
        errors.check(
                start == null || date.isBefore(start),
                INVALID_AVAILABILITY_END_DATE,
                "AvailabilityEndDate %s must be before the AgreementStartDate %s.",
                date,
                start);
    }

    /** Everything a draft needs before buyers may see it, and every rule of its parts once more. */
    static void release(Offer offer, OfferContext context, Errors errors) {
        var product = context.product();
        errors.check(
                product.visibility() == Visibility.LIMITED || product.visibility() == Visibility.PUBLIC,
                INCOMPATIBLE_PRODUCT,
                "The product is %s; offers can only be released for Limited or Public products.",
                product.visibility());
        errors.check(offer.name() != null, MISSING_NAME, "Provide a Name before releasing the offer.");
        errors.check(
                offer.pricingModel() != null && !pricingTerms(offer).isEmpty(),
                MISSING_MANDATORY_TERMS,
                "Provide pricing terms (UpdatePricingTerms) before releasing the offer.");
        errors.check(
                offer.term(LegalTerm.class).isPresent(),
                MISSING_MANDATORY_TERMS,
                "Provide a LegalTerm (UpdateLegalTerms) before releasing the offer.");
        var schedule = offer.term(PaymentScheduleTerm.class).isPresent();
        var fixedUpfront = offer.term(FixedUpfrontPricingTerm.class).isPresent();
        errors.check(
                !fixedUpfront || schedule || offer.term(ByolPricingTerm.class).isPresent(),
                MISSING_MANDATORY_TERMS,
                "FixedUpfrontPricingTerm needs a PaymentScheduleTerm or a ByolPricingTerm.");
        errors.check(
                !schedule || fixedUpfront,
                MISSING_MANDATORY_TERMS,
                "PaymentScheduleTerm needs a FixedUpfrontPricingTerm with Price 0 that grants the entitlements.");
        if (offer.isPrivate()) {
            errors.check(
                    offer.availabilityEndDate() != null,
                    MISSING_AVAILABILITY_END_DATE,
                    "Provide an AvailabilityEndDate for private offer.");
            errors.check(
                    product.hasPublicOffer(), INCOMPATIBLE_PRODUCT, "First create a public offer for the product.");
        } else {
            errors.check(!context.anotherPublicOffer(), TOO_MANY_OFFERS, "The product already has a public offer.");
            errors.check(
                    offer.availabilityEndDate() == null,
                    INVALID_AVAILABILITY_END_DATE,
                    "AvailabilityEndDate is not supported for public offers.");
            errors.check(
                    offer.preExistingAgreement() == null,
                    MISSING_BUYER_ACCOUNTS,
                    "PreExistingAgreement marks a renewal for named buyers; target their BuyerAccounts.");
            errors.check(
                    offer.term(NetPaymentTerm.class).isEmpty(),
                    INCOMPATIBLE_TERMS,
                    "NetPaymentTerm applies to private offers only.");
        }
        targeting(offer, context, errors);
        pricing(offer, context, errors);
        currency(offer, errors);
        support(offer, errors);
        legal(offer, context, errors);
        validityCombination(offer, context, errors);
        validityDates(offer, context, errors);
        schedule(offer, context, errors);
        scheduleDates(offer, context, errors);
        variablePayment(offer, context, errors);
        netPayment(offer, errors);
        renewal(offer, context, errors);
        availability(offer, context, errors);
    }

    private static List<PricingTerm> pricingTerms(Offer offer) {
        return offer.terms().stream()
                .filter(PricingTerm.class::isInstance)
                .map(PricingTerm.class::cast)
                .toList();
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }
}
