package io.offerdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.catalog.internal.domain.PricingRules;
import io.offerdesk.catalog.internal.domain.ProductRules;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class ProductRulesPropertyTests {

    @Property
    void acceptsEveryKeyOfAwsDimensionCharacters(
            @ForAll
                    @StringLength(min = 1, max = 100)
                    @CharRange(from = 'a', to = 'z')
                    @CharRange(from = 'A', to = 'Z')
                    @CharRange(from = '0', to = '9')
                    @Chars({'_', '.', '-'})
                    String key) {
        assertThat(ProductRules.isDimensionKey(key)).isTrue();
    }

    @Property
    void rejectsKeysWithAnyOtherCharacter(
            @ForAll @StringLength(min = 0, max = 20) @CharRange(from = 'a', to = 'z') String prefix,
            @ForAll("charactersOutsideKeys") char other) {
        assertThat(ProductRules.isDimensionKey(prefix + other)).isFalse();
    }

    /** Explicit values: jqwik does not narrow a bare {@code char} parameter by {@code @Chars}. */
    @Provide
    Arbitrary<Character> charactersOutsideKeys() {
        return Arbitraries.of(' ', '/', '#', '$', 'é', '\t', ':', '+', '~', '@');
    }

    @Property
    void acceptsAUsagePriceExactlyWhenItHasAtMostEightDecimals(
            @ForAll @BigRange(min = "0", max = "1000") BigDecimal units,
            @ForAll @IntRange(min = 0, max = 12) int scale) {
        var price = units.setScale(scale, java.math.RoundingMode.DOWN).add(BigDecimal.ONE.movePointLeft(scale));
        var checks = new io.offerdesk.shared.Validations();
        var model = PricingModel.USAGE;
        var accepted = PricingRules.publicOffer(
                        checks,
                        "",
                        ProductType.SAAS,
                        java.util.List.of(new Dimension("calls", "Calls", "Requests", DimensionType.METERED, null)),
                        new ProductCommands.PublicOfferInput(
                                null,
                                java.util.List.of(model),
                                null,
                                java.util.List.of(new ProductCommands.PriceInput(
                                        model, "calls", null, price.toPlainString(), null))))
                != null;
        assertThat(accepted).isEqualTo(price.stripTrailingZeros().scale() <= 8);
    }
}
