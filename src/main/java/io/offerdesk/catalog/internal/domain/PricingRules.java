package io.offerdesk.catalog.internal.domain;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductCommands.PriceInput;
import io.offerdesk.catalog.ProductCommands.PublicOfferInput;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.PublicOffer;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/** Which pricing models a product type allows, how they combine, and what a valid list price is. */
public final class PricingRules {

    /** List prices are in US dollars, as AWS Marketplace public offers are. */
    public static final CurrencyUnit LIST_PRICE_CURRENCY = CurrencyUnit.USD;

    public static final Set<Integer> CONTRACT_DURATIONS_MONTHS = Set.of(1, 12, 24, 36);
    public static final int FREE_TRIAL_MIN_DAYS = 5;
    public static final int FREE_TRIAL_MAX_DAYS = 31;
    /** The highest price AWS accepts on a rate card. */
    public static final BigDecimal PRICE_MAX = new BigDecimal("100000000");

    public static final int PRICES_MAX = 800;

    private PricingRules() {}

    /**
     * Checks a public offer for a product of {@code type} with {@code dimensions}. Field paths start with {@code
     * prefix} (empty when the offer is the whole request, {@code publicOffer.} inside a product).
     */
    public static @Nullable PublicOffer publicOffer(
            Validations checks, String prefix, ProductType type, List<Dimension> dimensions, PublicOfferInput input) {
        var models = models(checks, prefix, type, input.pricingModels());
        freeTrial(checks, prefix, models, input.freeTrialDays());
        var prices = prices(checks, prefix, models, dimensions, input.prices());
        if (!checks.isValid()) {
            return null;
        }
        var trialDays = models.contains(PricingModel.FREE_TRIAL) ? input.freeTrialDays() : null;
        return new PublicOffer(List.copyOf(models), trialDays, prices);
    }

    /** The scale a price of this model may have: the currency's for whole amounts, 8 decimals for unit prices. */
    public static int scaleOf(PricingModel model) {
        return model == PricingModel.USAGE ? ListPrice.USAGE_SCALE : LIST_PRICE_CURRENCY.getDecimalPlaces();
    }

    private static Set<PricingModel> models(
            Validations checks, String prefix, ProductType type, @Nullable List<PricingModel> requested) {
        var field = prefix + "pricingModels";
        var models = EnumSet.noneOf(PricingModel.class);
        if (requested == null || requested.isEmpty()) {
            checks.check(false, field, "validation.required");
            return models;
        }
        for (int i = 0; i < requested.size(); i++) {
            var model = requested.get(i);
            var path = field + "[" + i + "]";
            if (model == null) {
                checks.check(false, path, "validation.required");
                continue;
            }
            checks.check(type.allows(model), path, "validation.pricing.notForType", model, type)
                    .check(models.add(model), path, "validation.pricing.duplicate");
        }
        var paid = models.stream().filter(PricingModel::hasPrices).count();
        checks.check(!models.contains(PricingModel.BYOL) || models.size() == 1, field, "validation.pricing.byolAlone")
                .check(
                        !models.contains(PricingModel.FREE_TRIAL) || paid > 0,
                        field,
                        "validation.pricing.trialNeedsPaidModel")
                .check(
                        !(models.contains(PricingModel.SUBSCRIPTION) && models.contains(PricingModel.CONTRACT)),
                        field,
                        "validation.pricing.subscriptionWithContract");
        return models;
    }

    private static void freeTrial(Validations checks, String prefix, Set<PricingModel> models, @Nullable Integer days) {
        var field = prefix + "freeTrialDays";
        if (models.contains(PricingModel.FREE_TRIAL)) {
            checks.required(field, days);
            checks.check(
                    days == null || (days >= FREE_TRIAL_MIN_DAYS && days <= FREE_TRIAL_MAX_DAYS),
                    field,
                    "validation.pricing.trialDays",
                    FREE_TRIAL_MIN_DAYS,
                    FREE_TRIAL_MAX_DAYS);
        } else {
            checks.check(days == null, field, "validation.pricing.trialDaysWithoutTrial");
        }
    }

    private static List<ListPrice> prices(
            Validations checks,
            String prefix,
            Set<PricingModel> models,
            List<Dimension> dimensions,
            @Nullable List<PriceInput> inputs) {
        var field = prefix + "prices";
        var given = inputs == null ? List.<PriceInput>of() : inputs;
        checks.check(given.size() <= PRICES_MAX, field, "validation.tooMany", PRICES_MAX);
        var byKey = dimensions.stream().collect(Collectors.toMap(Dimension::key, Function.identity()));
        var seen = new HashSet<String>();
        var prices = new ArrayList<ListPrice>();
        for (int i = 0; i < given.size(); i++) {
            var path = field + "[" + i + "]";
            var input = given.get(i);
            if (input == null) {
                checks.check(false, path, "validation.required");
                continue;
            }
            var price = price(checks, path, models, byKey, input);
            if (price != null) {
                var identity = price.model() + "/" + price.dimensionKey() + "/"
                        + (price instanceof ListPrice.Contract c ? c.durationMonths() : 0);
                checks.check(seen.add(identity), path, "validation.price.duplicate");
                prices.add(price);
            }
        }
        // Judged by what was sent, so that one broken price is not also reported as a missing one.
        var pricedModels = given.stream()
                .filter(p -> p != null && p.model() != null)
                .map(PriceInput::model)
                .collect(Collectors.toSet());
        for (var model : models) {
            checks.check(
                    !model.hasPrices() || pricedModels.contains(model),
                    field,
                    "validation.pricing.missingPrices",
                    model);
        }
        if (checks.isValid()) {
            sameDimensionsForEveryDuration(checks, field, prices);
        }
        return prices;
    }

    /** A buyer picks a duration, then quantities: every duration must offer the same dimensions (AWS rule). */
    private static void sameDimensionsForEveryDuration(Validations checks, String field, List<ListPrice> prices) {
        Map<Integer, Set<String>> keysByDuration = new TreeMap<>();
        for (var price : prices) {
            if (price instanceof ListPrice.Contract contract) {
                keysByDuration
                        .computeIfAbsent(contract.durationMonths(), d -> new TreeSet<>())
                        .add(contract.dimensionKey());
            }
        }
        checks.check(
                keysByDuration.values().stream().distinct().count() <= 1, field, "validation.pricing.durationsDiffer");
    }

    private static @Nullable ListPrice price(
            Validations checks,
            String path,
            Set<PricingModel> models,
            Map<String, Dimension> dimensions,
            PriceInput input) {
        var valid = checks.isValid();
        var model = input.model();
        checks.required(path + ".model", model);
        if (model != null) {
            checks.check(models.contains(model), path + ".model", "validation.price.modelNotChosen", model)
                    .check(model.hasPrices(), path + ".model", "validation.price.modelHasNoPrices", model);
        }
        var key = input.dimensionKey();
        checks.required(path + ".dimensionKey", key);
        var dimension = key == null ? null : dimensions.get(key);
        if (key != null && !key.isBlank()) {
            checks.check(dimension != null, path + ".dimensionKey", "validation.price.unknownDimension", key);
        }
        if (model != null && dimension != null) {
            model.pricedDimensionType()
                    .ifPresent(needed -> checks.check(
                            dimension.type() == needed,
                            path + ".dimensionKey",
                            "validation.price.dimensionType",
                            model,
                            needed));
        }
        if (model == PricingModel.CONTRACT) {
            checks.required(path + ".durationMonths", input.durationMonths())
                    .check(
                            input.durationMonths() == null
                                    || CONTRACT_DURATIONS_MONTHS.contains(input.durationMonths()),
                            path + ".durationMonths",
                            "validation.price.duration");
        } else {
            checks.check(
                    input.durationMonths() == null, path + ".durationMonths", "validation.price.durationNotApplicable");
        }
        checks.check(
                input.currency() == null || LIST_PRICE_CURRENCY.getCode().equals(input.currency()),
                path + ".currency",
                "validation.price.currency",
                LIST_PRICE_CURRENCY.getCode());
        var amount = amount(checks, path + ".amount", input.amount(), model == null ? 2 : scaleOf(model));
        if (!valid || !checks.isValid() || model == null || amount == null || key == null) {
            return null;
        }
        return switch (model) {
            case CONTRACT ->
                new ListPrice.Contract(
                        key,
                        Validations.present(path + ".durationMonths", input.durationMonths()),
                        Money.of(LIST_PRICE_CURRENCY, amount.setScale(scaleOf(model))));
            case USAGE -> new ListPrice.Usage(key, BigMoney.of(LIST_PRICE_CURRENCY, amount));
            case SUBSCRIPTION ->
                new ListPrice.Subscription(key, Money.of(LIST_PRICE_CURRENCY, amount.setScale(scaleOf(model))));
            case FREE_TRIAL, BYOL -> null;
        };
    }

    /**
     * Reads a decimal amount and checks sign, size and scale. Trailing zeros do not count as decimals ({@code
     * "12.500"} is a valid dollar amount); anything finer than the model's scale would have to be rounded, and we never
     * round silently.
     */
    static @Nullable BigDecimal amount(Validations checks, String field, @Nullable String text, int scale) {
        checks.required(field, text);
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            checks.check(false, field, "validation.price.amount");
            return null;
        }
        var ok = true;
        if (amount.signum() < 0) {
            checks.check(false, field, "validation.price.negative");
            ok = false;
        }
        if (amount.compareTo(PRICE_MAX) > 0) {
            checks.check(false, field, "validation.price.tooHigh", PRICE_MAX.toPlainString());
            ok = false;
        }
        if (amount.stripTrailingZeros().scale() > scale) {
            checks.check(false, field, "validation.price.scale", scale);
            ok = false;
        }
        return ok ? amount : null;
    }
}
