package io.offerdesk.offers.internal.domain;

import static io.offerdesk.changesets.DocumentReader.element;
import static io.offerdesk.changesets.DocumentReader.member;

import io.offerdesk.changesets.DocumentReader;
import io.offerdesk.offers.EulaDocument;
import io.offerdesk.offers.Rule;
import io.offerdesk.offers.Rule.AvailabilityRule;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.BillingPeriod;
import io.offerdesk.offers.Term.ByolPricingTerm;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PaymentScheduleTermTemplate;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.TemplateCharge;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.shared.AccountId;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JSON shapes of terms and rules, read from a change's {@code DetailsDocument} and from storage alike, so that the
 * offer is written and read in exactly one shape: AWS's. Lengths and counts follow AWS's published models; limits the
 * operator may configure (installments, buyer accounts) and every cross-field rule are business rules checked later.
 */
final class TermShapes {

    static final Set<String> PRICING_TERMS = Set.of(
            "FixedUpfrontPricingTerm",
            "ConfigurableUpfrontPricingTerm",
            "UsageBasedPricingTerm",
            "RecurringPaymentTerm",
            "FreeTrialPricingTerm",
            "ByolPricingTerm");
    static final Set<String> ALL_TERMS = union(
            PRICING_TERMS,
            Set.of(
                    "LegalTerm",
                    "SupportTerm",
                    "ValidityTerm",
                    "PaymentScheduleTerm",
                    "NetPaymentTerm",
                    "VariablePaymentTerm",
                    "RenewalTerm"));

    static final Pattern ACCOUNT = AccountId.FORMAT;
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /**
     * A loose URL check as AWS's model makes it, or the path {@link EulaDocument#url()} gives a document uploaded to
     * Offerdesk, which has no host of its own to name; whether the document exists is a business rule.
     */
    static final Pattern URL = Pattern.compile("https?://[-a-zA-Z0-9@._]{1,256}\\.[a-zA-Z0-9()]{2,63}\\b\\S*|"
            + Pattern.quote(EulaDocument.URL_PREFIX) + "[0-9a-f-]{36}");

    private static final int DIMENSION_KEY_MAX = 100;
    private static final int RATES_MAX = 800;
    private static final int GRANTS_MAX = 800;
    private static final int CONTRACT_RATE_CARDS_MAX = 5;
    private static final int COUNTRIES_MAX = 244;
    private static final int REFUND_POLICY_MAX = 500;
    private static final int URL_MAX = 32_000;
    private static final int VERSION_MAX = 64;
    private static final int CURRENCY_CODE_MAX = 3;

    private final DocumentReader reader;

    TermShapes(DocumentReader reader) {
        this.reader = reader;
    }

    /** The terms of a {@code Terms} member, each of one of the {@code allowed} types. */
    List<Term> terms(@Nullable List<JsonNode> elements, String path, Set<String> allowed) {
        var terms = new ArrayList<Term>();
        if (elements == null) {
            return terms;
        }
        for (int i = 0; i < elements.size(); i++) {
            var term = term(elements.get(i), element(path, i), allowed);
            if (term != null) {
                terms.add(term);
            }
        }
        return terms;
    }

    @Nullable
    Term term(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            reader.fail(path, "validation.type");
            return null;
        }
        var type = reader.text(node, path, "Type", true, 100);
        if (type == null) {
            return null;
        }
        if (!allowed.contains(type)) {
            reader.fail(
                    member(path, "Type"),
                    "validation.enum",
                    String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return switch (type) {
            case "LegalTerm" -> legal(node, path);
            case "SupportTerm" -> support(node, path);
            case "FixedUpfrontPricingTerm" -> fixedUpfront(node, path);
            case "ConfigurableUpfrontPricingTerm" -> configurableUpfront(node, path);
            case "UsageBasedPricingTerm" -> usageBased(node, path);
            case "RecurringPaymentTerm" -> recurring(node, path);
            case "FreeTrialPricingTerm" -> freeTrial(node, path);
            case "ByolPricingTerm" -> byol(node, path);
            case "ValidityTerm" -> validity(node, path);
            case "PaymentScheduleTerm" -> paymentSchedule(node, path);
            case "NetPaymentTerm" -> netPayment(node, path);
            case "VariablePaymentTerm" -> variablePayment(node, path);
            case "RenewalTerm" -> renewal(node, path);
            default -> throw new IllegalArgumentException("no shape for term type " + type);
        };
    }

    private @Nullable LegalTerm legal(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "Documents"));
        var field = member(path, "Documents");
        var elements = reader.array(node, path, "Documents", true, 1, Integer.MAX_VALUE);
        var documents = each(elements, field, this::legalDocument);
        return elements == null ? null : new LegalTerm(documents);
    }

    private @Nullable LegalDocument legalDocument(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("Type", "Url", "Version")) == null) {
            return null;
        }
        var type = reader.choice(node, path, "Type", true, DocumentType.values(), DocumentType::wireName);
        var url = reader.text(node, path, "Url", type == DocumentType.CUSTOM_EULA, URL_MAX, URL, "validation.url");
        var version = reader.text(node, path, "Version", type == DocumentType.STANDARD_EULA, VERSION_MAX);
        return type == null ? null : new LegalDocument(type, url, version);
    }

    private @Nullable SupportTerm support(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "RefundPolicy"));
        var policy = reader.text(node, path, "RefundPolicy", true, REFUND_POLICY_MAX);
        return policy == null ? null : new SupportTerm(policy);
    }

    private @Nullable FixedUpfrontPricingTerm fixedUpfront(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "CurrencyCode", "Price", "Grants", "Duration"));
        var currency = currency(node, path);
        var price = reader.decimal(node, path, "Price", true);
        var grants = grants(node, path);
        var duration = reader.period(node, path, "Duration", false);
        return currency == null || price == null || grants == null
                ? null
                : new FixedUpfrontPricingTerm(currency, price, grants, duration);
    }

    private @Nullable ConfigurableUpfrontPricingTerm configurableUpfront(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "CurrencyCode", "RateCards"));
        var currency = currency(node, path);
        var elements = reader.array(node, path, "RateCards", true, 1, CONTRACT_RATE_CARDS_MAX);
        var cards = each(elements, member(path, "RateCards"), this::contractRateCard);
        return currency == null || elements == null ? null : new ConfigurableUpfrontPricingTerm(currency, cards);
    }

    private @Nullable ContractRateCard contractRateCard(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("Selector", "Constraints", "RateCard")) == null) {
            return null;
        }
        var selectorPath = member(path, "Selector");
        var selector = reader.object(reader.value(node, path, "Selector", true), selectorPath, Set.of("Type", "Value"));
        var duration = selector == null ? null : selectorDuration(selector, selectorPath);
        var constraintsPath = member(path, "Constraints");
        var constraintsNode = reader.object(
                reader.value(node, path, "Constraints", true),
                constraintsPath,
                Set.of("MultipleDimensionSelection", "QuantityConfiguration"));
        var constraints = constraintsNode == null ? null : constraints(constraintsNode, constraintsPath);
        var rates = rates(node, path);
        return duration == null || constraints == null || rates == null
                ? null
                : new ContractRateCard(duration, constraints, rates);
    }

    private @Nullable Period selectorDuration(JsonNode selector, String path) {
        var type = reader.choice(selector, path, "Type", true, new String[] {"Duration"}, Function.identity());
        var value = reader.period(selector, path, "Value", true);
        return type == null ? null : value;
    }

    private @Nullable Constraints constraints(JsonNode node, String path) {
        var multiple = reader.choice(
                node, path, "MultipleDimensionSelection", true, Constraint.values(), Constraint::wireName);
        var quantity =
                reader.choice(node, path, "QuantityConfiguration", true, Constraint.values(), Constraint::wireName);
        return multiple == null || quantity == null ? null : new Constraints(multiple, quantity);
    }

    private @Nullable UsageBasedPricingTerm usageBased(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "CurrencyCode", "RateCards"));
        var currency = currency(node, path);
        var elements = reader.array(node, path, "RateCards", true, 1, 1);
        var cards = each(elements, member(path, "RateCards"), this::usageRateCard);
        return currency == null || elements == null ? null : new UsageBasedPricingTerm(currency, cards);
    }

    private @Nullable UsageRateCard usageRateCard(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("RateCard")) == null) {
            return null;
        }
        var rates = rates(node, path);
        return rates == null ? null : new UsageRateCard(rates);
    }

    private @Nullable List<Rate> rates(JsonNode node, String path) {
        var elements = reader.array(node, path, "RateCard", true, 1, RATES_MAX);
        var rates = each(elements, member(path, "RateCard"), this::rate);
        return elements == null ? null : rates;
    }

    private @Nullable Rate rate(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("DimensionKey", "Price")) == null) {
            return null;
        }
        var key = reader.text(node, path, "DimensionKey", true, DIMENSION_KEY_MAX);
        var price = reader.decimal(node, path, "Price", true);
        return key == null || price == null ? null : new Rate(key, price);
    }

    private @Nullable RecurringPaymentTerm recurring(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "CurrencyCode", "BillingPeriod", "Price"));
        var currency = currency(node, path);
        var period = reader.choice(node, path, "BillingPeriod", true, BillingPeriod.values(), BillingPeriod::wireName);
        var price = reader.decimal(node, path, "Price", true);
        return currency == null || period == null || price == null
                ? null
                : new RecurringPaymentTerm(currency, period, price);
    }

    private @Nullable FreeTrialPricingTerm freeTrial(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "Duration", "Grants"));
        var duration = reader.period(node, path, "Duration", true);
        var grants = grants(node, path);
        return duration == null || grants == null ? null : new FreeTrialPricingTerm(duration, grants);
    }

    private ByolPricingTerm byol(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type"));
        return new ByolPricingTerm();
    }

    private @Nullable List<Grant> grants(JsonNode node, String path) {
        var elements = reader.array(node, path, "Grants", true, 1, GRANTS_MAX);
        var grants = each(elements, member(path, "Grants"), this::grant);
        return elements == null ? null : grants;
    }

    private @Nullable Grant grant(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("DimensionKey", "MaxQuantity")) == null) {
            return null;
        }
        var key = reader.text(node, path, "DimensionKey", true, DIMENSION_KEY_MAX);
        var quantity = reader.integer(node, path, "MaxQuantity", false, 1, Integer.MAX_VALUE - 1);
        return key == null ? null : new Grant(key, quantity);
    }

    private ValidityTerm validity(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "AgreementDuration", "AgreementStartDate", "AgreementEndDate"));
        return new ValidityTerm(
                reader.period(node, path, "AgreementDuration", false),
                reader.date(node, path, "AgreementStartDate", false),
                reader.date(node, path, "AgreementEndDate", false));
    }

    private @Nullable PaymentScheduleTerm paymentSchedule(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "CurrencyCode", "Schedule"));
        var currency = currency(node, path);
        var elements = reader.array(node, path, "Schedule", true, 1, Integer.MAX_VALUE);
        var schedule = each(elements, member(path, "Schedule"), this::installment);
        return currency == null || elements == null ? null : new PaymentScheduleTerm(currency, schedule);
    }

    private @Nullable Installment installment(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("ChargeDate", "ChargeAmount")) == null) {
            return null;
        }
        var date = reader.date(node, path, "ChargeDate", true);
        var amount = reader.decimal(node, path, "ChargeAmount", true);
        return date == null || amount == null ? null : new Installment(date, amount);
    }

    private @Nullable VariablePaymentTerm variablePayment(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "CurrencyCode", "MaxTotalChargeAmount"));
        var currency = currency(node, path);
        var amount = reader.decimal(node, path, "MaxTotalChargeAmount", true);
        return currency == null || amount == null ? null : new VariablePaymentTerm(currency, amount);
    }

    private @Nullable NetPaymentTerm netPayment(JsonNode node, String path) {
        reader.object(node, path, Set.of("Type", "PaymentDuePeriod"));
        var period = reader.period(node, path, "PaymentDuePeriod", true);
        return period == null ? null : new NetPaymentTerm(period);
    }

    private RenewalTerm renewal(JsonNode node, String path) {
        reader.object(
                node,
                path,
                Set.of("Type", "LockoutPeriod", "AdjustmentDeadline", "MaxRenewals", "PriceIncrease", "TermTemplates"));
        var lockout = reader.period(node, path, "LockoutPeriod", false);
        var deadline = reader.period(node, path, "AdjustmentDeadline", false);
        var maxRenewals = reader.integer(node, path, "MaxRenewals", false, 1, Integer.MAX_VALUE);
        var increasePath = member(path, "PriceIncrease");
        var increaseNode = reader.value(node, path, "PriceIncrease", false);
        var increase = increaseNode == null ? null : priceIncrease(increaseNode, increasePath);
        var templatesPath = member(path, "TermTemplates");
        var templates = each(reader.array(node, path, "TermTemplates", false, 0, 1), templatesPath, this::template);
        return new RenewalTerm(lockout, deadline, maxRenewals, increase, templates.isEmpty() ? null : templates.get(0));
    }

    private @Nullable PriceIncrease priceIncrease(JsonNode node, String path) {
        if (!node.isObject()) {
            reader.fail(path, "validation.type");
            return null;
        }
        var type = reader.choice(
                node, path, "Type", true, new String[] {"FixedPercentage", "PercentageRange"}, Function.identity());
        if (type == null) {
            return null;
        }
        if (type.equals("FixedPercentage")) {
            reader.object(node, path, Set.of("Type", "Value"));
            var value = reader.decimal(node, path, "Value", true);
            return value == null ? null : new PriceIncrease.FixedPercentage(value);
        }
        reader.object(node, path, Set.of("Type", "Range"));
        var rangePath = member(path, "Range");
        var range = reader.object(
                reader.value(node, path, "Range", true), rangePath, Set.of("MinValue", "MaxValue", "DefaultValue"));
        if (range == null) {
            return null;
        }
        var min = reader.decimal(range, rangePath, "MinValue", true);
        var max = reader.decimal(range, rangePath, "MaxValue", true);
        var fallback = reader.decimal(range, rangePath, "DefaultValue", true);
        return min == null || max == null || fallback == null
                ? null
                : new PriceIncrease.PercentageRange(min, max, fallback);
    }

    private @Nullable PaymentScheduleTermTemplate template(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("Type", "Schedule")) == null) {
            return null;
        }
        var type = reader.choice(
                node, path, "Type", true, new String[] {"PaymentScheduleTermTemplate"}, Function.identity());
        var elements = reader.array(node, path, "Schedule", true, 1, Integer.MAX_VALUE);
        var charges = each(elements, member(path, "Schedule"), this::templateCharge);
        return type == null || elements == null ? null : new PaymentScheduleTermTemplate(charges);
    }

    private @Nullable TemplateCharge templateCharge(JsonNode node, String path) {
        if (reader.object(node, path, Set.of("ChargeDateOffset", "ChargePercentage", "DayOfMonth")) == null) {
            return null;
        }
        var offset = reader.period(node, path, "ChargeDateOffset", true);
        var percentage = reader.decimal(node, path, "ChargePercentage", true);
        var day = reader.integer(node, path, "DayOfMonth", false, 1, 31);
        return offset == null || percentage == null ? null : new TemplateCharge(offset, percentage, day);
    }

    private @Nullable String currency(JsonNode node, String path) {
        return reader.text(node, path, "CurrencyCode", true, CURRENCY_CODE_MAX);
    }

    /**
     * The targeting members of {@code UpdateTargeting} and of a stored {@code TargetingRule}: buyer accounts and
     * countries to sell to, or countries not to sell to.
     */
    TargetingRule targeting(JsonNode node, String path) {
        var positivePath = member(path, "PositiveTargeting");
        var positive = reader.object(
                reader.value(node, path, "PositiveTargeting", false),
                positivePath,
                Set.of("BuyerAccounts", "CountryCodes"));
        var negativePath = member(path, "NegativeTargeting");
        var negative = reader.object(
                reader.value(node, path, "NegativeTargeting", false), negativePath, Set.of("CountryCodes"));
        var accounts = positive == null
                ? List.<String>of()
                : reader.strings(
                        reader.array(positive, positivePath, "BuyerAccounts", false, 1, Integer.MAX_VALUE),
                        member(positivePath, "BuyerAccounts"),
                        ACCOUNT,
                        "validation.accountId");
        return new TargetingRule(
                accounts.stream().map(AccountId::new).toList(),
                countries(positive, positivePath),
                countries(negative, negativePath));
    }

    private List<String> countries(@Nullable JsonNode node, String path) {
        if (node == null) {
            return List.of();
        }
        return reader.strings(
                reader.array(node, path, "CountryCodes", false, 1, COUNTRIES_MAX),
                member(path, "CountryCodes"),
                COUNTRY,
                "validation.countryCode");
    }

    /** A stored rule: the shape {@code DescribeEntity} shows, with the availability end date as a plain date. */
    @Nullable
    Rule rule(JsonNode node, String path) {
        var type = reader.choice(
                node, path, "Type", true, new String[] {"TargetingRule", "AvailabilityRule"}, Function.identity());
        if (type == null) {
            return null;
        }
        if (type.equals("TargetingRule")) {
            reader.object(node, path, Set.of("Type", "PositiveTargeting", "NegativeTargeting"));
            return targeting(node, path);
        }
        reader.object(node, path, Set.of("Type", "AvailabilityEndDate"));
        var date = reader.date(node, path, "AvailabilityEndDate", true);
        return date == null ? null : new AvailabilityRule(date);
    }

    private <T> List<T> each(
            @Nullable List<JsonNode> elements, String path, BiFunction<JsonNode, String, @Nullable T> read) {
        var items = new ArrayList<T>();
        if (elements == null) {
            return items;
        }
        for (int i = 0; i < elements.size(); i++) {
            var item = read.apply(elements.get(i), element(path, i));
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        var all = new HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }
}
