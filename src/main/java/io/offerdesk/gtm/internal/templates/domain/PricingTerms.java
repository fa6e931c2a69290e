package io.offerdesk.gtm.internal.templates.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills a pricing template's placeholders with one offer's facts: the product's dimensions and list prices, and the
 * contract price or discount the author gave. The contract total is the given price, or else the list price of every
 * entitled dimension for the duration times the quantity, less the discount; installments split it exactly.
 */
public final class PricingTerms {

    /** Usage prices carry up to this many decimals, as catalog list prices do. */
    public static final int USAGE_SCALE = 8;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)(?::([^:}]+):([^:}]+))?}}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * What the product offers.
     *
     * @param contractPrices per entitled dimension key, the list price of one unit per contract duration in months
     * @param usagePrices per metered dimension key, the list price of one unit
     */
    public record Product(
            List<String> entitledKeys,
            Map<String, Map<Integer, Money>> contractPrices,
            Map<String, BigDecimal> usagePrices) {
        public Product {
            entitledKeys = List.copyOf(entitledKeys);
            contractPrices = Map.copyOf(contractPrices);
            usagePrices = Map.copyOf(usagePrices);
        }
    }

    /**
     * What the author gave for this offer.
     *
     * @param contractPrice the total contract price; absent to derive it from the list prices
     * @param discountPercent off the list prices (0–100), for a derived total and for usage rates
     * @param quantity units of each entitled dimension
     * @param firstChargeDate the date of the first installment
     */
    public record Deal(
            @Nullable BigDecimal contractPrice, BigDecimal discountPercent, int quantity, LocalDate firstChargeDate) {}

    /** A placeholder that cannot be filled for this product or deal, as a field and a message key. */
    public static final class Unfillable extends RuntimeException {
        private final String field;
        private final String messageKey;

        Unfillable(String field, String messageKey) {
            super(field + ": " + messageKey, null, false, false);
            this.field = field;
            this.messageKey = messageKey;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private PricingTerms() {}

    /** The contract total of the deal for {@code months} in {@code currency}. */
    public static Money total(Product product, Deal deal, int months, CurrencyUnit currency) {
        if (deal.contractPrice() != null) {
            try {
                return Money.of(currency, deal.contractPrice());
            } catch (ArithmeticException e) {
                throw new Unfillable("contractPrice", "templates.offer.priceScale");
            }
        }
        var list = Money.zero(currency);
        for (var key : product.entitledKeys()) {
            var prices = product.contractPrices().getOrDefault(key, Map.of());
            var exact = prices.get(months);
            var annual = prices.get(12);
            Money price;
            if (exact != null) {
                price = exact;
            } else if (annual != null) {
                price = annual.multipliedBy(months).dividedBy(12, RoundingMode.HALF_UP);
            } else {
                throw new Unfillable("contractPrice", "templates.offer.noListPrice");
            }
            if (!price.getCurrencyUnit().equals(currency)) {
                throw new Unfillable("contractPrice", "templates.offer.noListPrice");
            }
            list = list.plus(price.multipliedBy(deal.quantity()));
        }
        return list.multipliedBy(HUNDRED.subtract(deal.discountPercent()).divide(HUNDRED), RoundingMode.HALF_UP);
    }

    /** The skeleton with every placeholder replaced; the skeleton itself is not changed. */
    public static ObjectNode fill(ObjectNode skeleton, Product product, Deal deal, Money total) {
        return (ObjectNode) fill((JsonNode) skeleton.deepCopy(), product, deal, total);
    }

    private static JsonNode fill(JsonNode node, Product product, Deal deal, Money total) {
        if (node instanceof ObjectNode object) {
            for (var name : List.copyOf(object.propertyNames())) {
                object.set(name, fill(object.get(name), product, deal, total));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), product, deal, total));
            }
            return array;
        }
        if (!node.isString()) {
            return node;
        }
        var matcher = PLACEHOLDER.matcher(node.asString());
        if (!matcher.matches()) {
            return node;
        }
        var nodes = JsonNodeFactory.instance;
        return switch (matcher.group(1)) {
            case "grants" -> {
                if (product.entitledKeys().isEmpty()) {
                    throw new Unfillable("productId", "templates.offer.noEntitledDimension");
                }
                var grants = nodes.arrayNode();
                product.entitledKeys()
                        .forEach(key ->
                                grants.addObject().put("DimensionKey", key).put("MaxQuantity", deal.quantity()));
                yield grants;
            }
            case "upfrontPrice" -> nodes.stringNode(total.getAmount().toPlainString());
            case "usageRates" -> {
                if (product.usagePrices().isEmpty()) {
                    throw new Unfillable("productId", "templates.offer.noMeteredDimension");
                }
                var rates = nodes.arrayNode();
                var factor = HUNDRED.subtract(deal.discountPercent()).divide(HUNDRED);
                product.usagePrices().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(rate -> rates.addObject()
                                .put("DimensionKey", rate.getKey())
                                .put(
                                        "Price",
                                        rate.getValue()
                                                .multiply(factor)
                                                .setScale(USAGE_SCALE, RoundingMode.HALF_UP)
                                                .stripTrailingZeros()
                                                .toPlainString()));
                yield rates;
            }
            case "schedule" -> {
                var count = Integer.parseInt(matcher.group(2));
                var interval = Period.parse(matcher.group(3));
                var schedule = nodes.arrayNode();
                var parts = Installments.split(total, count);
                for (int i = 0; i < count; i++) {
                    schedule.addObject()
                            .put(
                                    "ChargeDate",
                                    deal.firstChargeDate()
                                            .plus(interval.multipliedBy(i))
                                            .toString())
                            .put("ChargeAmount", parts.get(i).getAmount().toPlainString());
                }
                yield schedule;
            }
            default -> throw new IllegalArgumentException("unknown placeholder " + node.asString());
        };
    }
}
