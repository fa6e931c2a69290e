package io.offerdesk.catalog.internal.domain;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.ProductCommands.DimensionInput;
import io.offerdesk.catalog.ProductCommands.ProductDetails;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.PublicOffer;
import io.offerdesk.shared.Validations;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a valid product is: its descriptive texts, its dimensions and (through {@link DeliveryRules}) its delivery. */
public final class ProductRules {

    public static final int TITLE_MAX = 255;
    public static final int SHORT_DESCRIPTION_MAX = 1000;
    public static final int LONG_DESCRIPTION_MAX = 5000;
    public static final int CATEGORIES_MAX = 3;
    public static final int KEYWORDS_MAX = 15;
    public static final int TAG_MAX = 50;
    /** AWS allows 200 contract and 200 usage dimensions per product. */
    public static final int DIMENSIONS_PER_TYPE_MAX = 200;

    public static final Pattern DIMENSION_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    public static final int DIMENSION_NAME_MAX = 100;
    public static final int DIMENSION_UNIT_MAX = 30;
    public static final int DIMENSION_DESCRIPTION_MAX = 500;

    private ProductRules() {}

    /** A product's validated content, ready to store. */
    public record ProductContent(
            String title,
            String shortDescription,
            @Nullable String longDescription,
            List<String> categories,
            List<String> keywords,
            List<Dimension> dimensions,
            Delivery delivery) {}

    /**
     * Checks everything a product of {@code type} must satisfy and returns its content, or adds the violations to
     * {@code checks} and returns nothing. Without a type, only the type-independent rules can be checked.
     */
    public static @Nullable ProductContent content(
            Validations checks, @Nullable ProductType type, ProductDetails input) {
        checks.required("type", type)
                .text("title", input.title(), TITLE_MAX)
                .text("shortDescription", input.shortDescription(), SHORT_DESCRIPTION_MAX)
                .maxLength("longDescription", input.longDescription(), LONG_DESCRIPTION_MAX);
        var categories = tags(checks, "categories", input.categories(), CATEGORIES_MAX);
        var keywords = tags(checks, "keywords", input.keywords(), KEYWORDS_MAX);
        var dimensions = dimensions(checks, type, input.dimensions());
        var delivery =
                type == null ? null : DeliveryRules.delivery(checks, type, input.fulfillmentUrl(), input.delivery());
        if (!checks.isValid() || delivery == null) {
            return null;
        }
        return new ProductContent(
                Validations.present("title", input.title()).trim(),
                Validations.present("shortDescription", input.shortDescription())
                        .trim(),
                blankToNull(input.longDescription()),
                categories,
                keywords,
                dimensions,
                delivery);
    }

    /** A dimension's key is well formed: what the key property test exercises. */
    public static boolean isDimensionKey(@Nullable String key) {
        return key != null && DIMENSION_KEY.matcher(key).matches();
    }

    static List<Dimension> dimensions(
            Validations checks, @Nullable ProductType type, @Nullable List<DimensionInput> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            checks.check(false, "dimensions", "validation.dimensions.required");
            return List.of();
        }
        var keys = new HashSet<String>();
        var perType = new EnumMap<DimensionType, Integer>(DimensionType.class);
        var dimensions = new ArrayList<Dimension>();
        for (int i = 0; i < inputs.size(); i++) {
            var path = "dimensions[" + i + "]";
            var input = inputs.get(i);
            if (input == null) {
                checks.check(false, path, "validation.required");
                continue;
            }
            var key = input.key() == null ? null : input.key().trim();
            checks.required(path + ".key", key)
                    .check(
                            key == null || key.isEmpty() || isDimensionKey(key),
                            path + ".key",
                            "validation.dimension.key")
                    .check(
                            key == null || key.isEmpty() || keys.add(key),
                            path + ".key",
                            "validation.dimension.duplicateKey")
                    .text(path + ".name", input.name(), DIMENSION_NAME_MAX)
                    .text(path + ".unit", input.unit(), DIMENSION_UNIT_MAX)
                    .required(path + ".type", input.type())
                    .maxLength(path + ".description", input.description(), DIMENSION_DESCRIPTION_MAX);
            if (input.type() != null) {
                checks.check(
                        type == null || type.allows(input.type()),
                        path + ".type",
                        "validation.dimension.typeNotForProduct",
                        String.valueOf(type));
                perType.merge(input.type(), 1, Integer::sum);
            }
            // The checks above proved these present; the nulls are spelled out for the compiler.
            if (checks.isValid()
                    && key != null
                    && input.name() != null
                    && input.unit() != null
                    && input.type() != null) {
                dimensions.add(new Dimension(
                        key, input.name().trim(), input.unit().trim(), input.type(), blankToNull(input.description())));
            }
        }
        perType.forEach((dimensionType, count) -> checks.check(
                count <= DIMENSIONS_PER_TYPE_MAX,
                "dimensions",
                "validation.dimensions.tooMany",
                DIMENSIONS_PER_TYPE_MAX));
        return dimensions;
    }

    /**
     * A change of dimensions must not pull the ground from under the public offer: every priced dimension stays, with
     * the type its price needs. Prices change through the public offer.
     */
    public static void keepsPricedDimensions(
            Validations checks, @Nullable PublicOffer offer, List<Dimension> dimensions) {
        if (offer == null) {
            return;
        }
        Map<String, DimensionType> types =
                dimensions.stream().collect(Collectors.toMap(Dimension::key, Dimension::type));
        offer.prices().stream().map(ListPrice::dimensionKey).distinct().forEach(key -> {
            var priced = offer.prices().stream()
                    .filter(p -> p.dimensionKey().equals(key))
                    .findFirst()
                    .flatMap(p -> p.model().pricedDimensionType());
            checks.check(
                    types.containsKey(key)
                            && priced.map(t -> t == types.get(key)).orElse(true),
                    "dimensions",
                    "validation.dimension.stillPriced",
                    key);
        });
    }

    private static List<String> tags(Validations checks, String field, @Nullable List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        checks.check(values.size() <= max, field, "validation.tags.tooMany", max);
        var tags = new ArrayList<String>();
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            checks.text(field + "[" + i + "]", value, TAG_MAX);
            if (value != null && !value.isBlank() && !tags.contains(value.trim())) {
                tags.add(value.trim());
            }
        }
        return tags;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
