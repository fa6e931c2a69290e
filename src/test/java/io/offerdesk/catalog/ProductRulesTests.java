package io.offerdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.offerdesk.catalog.ProductCommands.AmiImageInput;
import io.offerdesk.catalog.ProductCommands.CreateProduct;
import io.offerdesk.catalog.ProductCommands.DeliveryInput;
import io.offerdesk.catalog.ProductCommands.DimensionInput;
import io.offerdesk.catalog.ProductCommands.PriceInput;
import io.offerdesk.catalog.ProductCommands.PublicOfferInput;
import io.offerdesk.catalog.internal.domain.DeliveryRules;
import io.offerdesk.catalog.internal.domain.PricingRules;
import io.offerdesk.catalog.internal.domain.ProductRules;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.Validations;
import java.util.List;
import java.util.Random;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The catalog's rules as pure functions: no Spring, no database. */
class ProductRulesTests {

    static final DimensionInput USERS = new DimensionInput("users", "Users", "Users", DimensionType.ENTITLED, null);
    static final DimensionInput CALLS = new DimensionInput("calls", "Calls", "Requests", DimensionType.METERED, null);

    static CreateProduct product(ProductType type, List<DimensionInput> dimensions, DeliveryInput delivery) {
        return new CreateProduct(type, "Title", "Short", null, null, null, dimensions, null, delivery, null);
    }

    static List<String> fields(Validations checks) {
        try {
            checks.throwIfInvalid();
            return List.of();
        } catch (io.offerdesk.shared.InvalidInput invalid) {
            return invalid.violations().stream().map(FieldViolation::field).toList();
        }
    }

    static List<Dimension> dimensions(DimensionInput... inputs) {
        var checks = new Validations();
        var content = ProductRules.content(
                checks,
                ProductType.SAAS,
                new CreateProduct(
                        ProductType.SAAS,
                        "T",
                        "S",
                        null,
                        null,
                        null,
                        List.of(inputs),
                        "https://x.example",
                        null,
                        null));
        assertThat(fields(checks)).isEmpty();
        return java.util.Objects.requireNonNull(content).dimensions();
    }

    @Test
    void generatesProductIdsInTheAwsFormat() {
        var id = ProductId.random(new Random(7));
        assertThat(id.value()).matches("prod-[a-z0-9]{13}");
        assertThat(ProductId.isValid("prod-ABCDEFGHIJKLM")).isFalse();
        assertThat(ProductId.parse("prod-abc")).isEmpty();
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new ProductId("offer-abc"));
    }

    @Test
    void professionalServicesAreEntitledOnlyAndSoldByContractOnly() {
        assertThat(ProductType.PROFESSIONAL_SERVICES.allows(DimensionType.METERED))
                .isFalse();
        assertThat(ProductType.PROFESSIONAL_SERVICES.pricingModels()).containsExactly(PricingModel.CONTRACT);
        assertThat(ProductType.SAAS.allows(PricingModel.BYOL)).isFalse();
        assertThat(ProductType.AMI.allows(PricingModel.BYOL)).isTrue();
    }

    @Test
    void acceptsAnAmiWithRegionalImagesAndRejectsMalformedIds() {
        var good = DeliveryInput.ami(
                List.of(
                        new AmiImageInput("ami-12345678", "eu-central-1", "Ubuntu 24.04"),
                        new AmiImageInput("ami-0123456789abcdef0", "us-gov-west-1", "Amazon Linux")),
                "Launch it");
        var checks = new Validations();
        assertThat(ProductRules.content(checks, ProductType.AMI, product(ProductType.AMI, List.of(CALLS), good)))
                .isNotNull();

        var bad = DeliveryInput.ami(
                List.of(new AmiImageInput("ami-0123456789ABCDEF0", "us-east-1", "Linux")), "Launch it");
        var rejected = new Validations();
        ProductRules.content(rejected, ProductType.AMI, product(ProductType.AMI, List.of(CALLS), bad));
        assertThat(fields(rejected)).containsExactly("delivery.amis[0].amiId");
    }

    @Test
    void requiresExactlyOneSageMakerArnForMachineLearning() {
        var both = DeliveryInput.machineLearning(
                "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-model/3",
                "arn:aws:sagemaker:us-east-1:123456789012:algorithm/churn");
        var checks = new Validations();
        ProductRules.content(
                checks, ProductType.MACHINE_LEARNING, product(ProductType.MACHINE_LEARNING, List.of(CALLS), both));
        assertThat(fields(checks)).containsExactly("delivery");
    }

    @Test
    void acceptsOnlyHttpsFulfillmentUrls() {
        assertThat(DeliveryRules.isHttpsUrl("https://example.com/register?x=1")).isTrue();
        assertThat(DeliveryRules.isHttpsUrl("http://example.com")).isFalse();
        assertThat(DeliveryRules.isHttpsUrl("https://user:pw@example.com")).isFalse();
        assertThat(DeliveryRules.isHttpsUrl("https:///nohost")).isFalse();
        assertThat(DeliveryRules.isHttpsUrl("not a url")).isFalse();
    }

    @Test
    void keepsUsagePricesToEightDecimalsAndContractPricesToCents() {
        var dimensions = dimensions(USERS, CALLS);
        var checks = new Validations();
        var offer = PricingRules.publicOffer(
                checks,
                "",
                ProductType.SAAS,
                dimensions,
                new PublicOfferInput(
                        null,
                        List.of(PricingModel.CONTRACT, PricingModel.USAGE),
                        null,
                        List.of(
                                new PriceInput(PricingModel.CONTRACT, "users", 12, "1200.5", null),
                                new PriceInput(PricingModel.USAGE, "calls", null, "0.00000125", "USD"))));
        assertThat(fields(checks)).isEmpty();
        assertThat(java.util.Objects.requireNonNull(offer).prices().get(0))
                .isInstanceOfSatisfying(ListPrice.Contract.class, c -> {
                    assertThat(c.price().getAmount()).hasToString("1200.50");
                    assertThat(c.price().getCurrencyUnit()).isEqualTo(CurrencyUnit.USD);
                });
        assertThat(offer.prices().get(1))
                .isInstanceOfSatisfying(
                        ListPrice.Usage.class,
                        u -> assertThat(u.pricePerUnit().getAmount()).hasToString("0.00000125"));

        var tooFine = new Validations();
        PricingRules.publicOffer(
                tooFine,
                "",
                ProductType.SAAS,
                dimensions,
                new PublicOfferInput(
                        null,
                        List.of(PricingModel.CONTRACT),
                        null,
                        List.of(new PriceInput(PricingModel.CONTRACT, "users", 12, "0.001", null))));
        assertThat(fields(tooFine)).containsExactly("prices[0].amount");
    }

    @Test
    void combinesPricingModelsAsAwsDoes() {
        var dimensions = dimensions(USERS, CALLS);
        var byolWithUsage = new Validations();
        PricingRules.publicOffer(
                byolWithUsage,
                "",
                ProductType.AMI,
                dimensions,
                new PublicOfferInput(
                        null,
                        List.of(PricingModel.BYOL, PricingModel.USAGE),
                        null,
                        List.of(new PriceInput(PricingModel.USAGE, "calls", null, "0.1", null))));
        assertThat(fields(byolWithUsage)).containsExactly("pricingModels");

        var lonelyTrial = new Validations();
        PricingRules.publicOffer(
                lonelyTrial,
                "",
                ProductType.SAAS,
                dimensions,
                new PublicOfferInput(null, List.of(PricingModel.FREE_TRIAL), 40, List.of()));
        assertThat(fields(lonelyTrial)).containsExactlyInAnyOrder("pricingModels", "freeTrialDays");

        var unevenDurations = new Validations();
        PricingRules.publicOffer(
                unevenDurations,
                "",
                ProductType.SAAS,
                dimensions(USERS, new DimensionInput("admins", "Admins", "Users", DimensionType.ENTITLED, null)),
                new PublicOfferInput(
                        null,
                        List.of(PricingModel.CONTRACT),
                        null,
                        List.of(
                                new PriceInput(PricingModel.CONTRACT, "users", 12, "10", null),
                                new PriceInput(PricingModel.CONTRACT, "admins", 12, "10", null),
                                new PriceInput(PricingModel.CONTRACT, "users", 24, "18", null))));
        assertThat(fields(unevenDurations)).containsExactly("prices");
    }

    @Test
    void movesVisibilityOnlyAlongTheProductLifecycle() {
        assertThat(Visibility.LIMITED.canBecome(Visibility.PUBLIC)).isTrue();
        assertThat(Visibility.LIMITED.canBecome(Visibility.RESTRICTED)).isFalse();
        assertThat(Visibility.PUBLIC.canBecome(Visibility.RESTRICTED)).isTrue();
        assertThat(Visibility.PUBLIC.canBecome(Visibility.LIMITED)).isFalse();
        assertThat(Visibility.RESTRICTED.canBecome(Visibility.PUBLIC)).isTrue();
    }
}
