package io.offerdesk.catalog;

import io.offerdesk.catalog.Delivery.DataDeliveryMethod;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of the catalog's product commands, as the UI and the API send them. Everything may be missing or wrong;
 * {@link CatalogManagement} validates and names each broken field by its path in the request.
 */
public final class ProductCommands {

    private ProductCommands() {}

    /** What creating and updating a product have in common: its descriptive content, dimensions and delivery. */
    public sealed interface ProductDetails permits CreateProduct, UpdateProduct {
        @Nullable
        ProductType type();

        @Nullable
        String title();

        @Nullable
        String shortDescription();

        @Nullable
        String longDescription();

        @Nullable
        List<String> categories();

        @Nullable
        List<String> keywords();

        @Nullable
        List<DimensionInput> dimensions();

        /** A SaaS product's fulfillment URL given at the top level, a shortcut for {@code delivery.fulfillmentUrl}. */
        @Nullable
        String fulfillmentUrl();

        @Nullable
        DeliveryInput delivery();
    }

    /** Create a product; it starts {@link Visibility#LIMITED}. The public offer may follow later. */
    public record CreateProduct(
            @Nullable ProductType type,
            @Nullable String title,
            @Nullable String shortDescription,
            @Nullable String longDescription,
            @Nullable List<String> categories,
            @Nullable List<String> keywords,
            @Nullable List<DimensionInput> dimensions,
            @Nullable String fulfillmentUrl,
            @Nullable DeliveryInput delivery,
            @Nullable PublicOfferInput publicOffer)
            implements ProductDetails {}

    /**
     * Replace a product's content. The type cannot change; {@code type} may be repeated for symmetry with creation.
     *
     * @param version the version the change is based on; a newer stored version is a conflict
     */
    public record UpdateProduct(
            @Nullable Long version,
            @Nullable ProductType type,
            @Nullable String title,
            @Nullable String shortDescription,
            @Nullable String longDescription,
            @Nullable List<String> categories,
            @Nullable List<String> keywords,
            @Nullable List<DimensionInput> dimensions,
            @Nullable String fulfillmentUrl,
            @Nullable DeliveryInput delivery)
            implements ProductDetails {}

    public record DimensionInput(
            @Nullable String key,
            @Nullable String name,
            @Nullable String unit,
            @Nullable DimensionType type,
            @Nullable String description) {}

    /**
     * The delivery fields of every product type; a product sets those of its own type only. The names are the ones
     * {@link Delivery}'s records carry, so a product's JSON can be sent back as it was read.
     */
    public record DeliveryInput(
            @Nullable String fulfillmentUrl,
            @Nullable List<AmiImageInput> amis,
            @Nullable String usageInstructions,
            @Nullable List<ContainerImageInput> containerImages,
            @Nullable String deploymentInstructions,
            @Nullable String modelPackageArn,
            @Nullable String algorithmArn,
            @Nullable List<String> deliverables,
            @Nullable String estimatedDuration,
            @Nullable String dataSetDescription,
            @Nullable DataDeliveryMethod deliveryMethod) {

        public static DeliveryInput saas(@Nullable String fulfillmentUrl) {
            return new DeliveryInput(fulfillmentUrl, null, null, null, null, null, null, null, null, null, null);
        }

        public static DeliveryInput ami(@Nullable List<AmiImageInput> amis, @Nullable String usageInstructions) {
            return new DeliveryInput(null, amis, usageInstructions, null, null, null, null, null, null, null, null);
        }

        public static DeliveryInput container(
                @Nullable List<ContainerImageInput> images, @Nullable String deploymentInstructions) {
            return new DeliveryInput(
                    null, null, null, images, deploymentInstructions, null, null, null, null, null, null);
        }

        public static DeliveryInput machineLearning(@Nullable String modelPackageArn, @Nullable String algorithmArn) {
            return new DeliveryInput(
                    null, null, null, null, null, modelPackageArn, algorithmArn, null, null, null, null);
        }

        public static DeliveryInput professionalServices(
                @Nullable List<String> deliverables, @Nullable String estimatedDuration) {
            return new DeliveryInput(
                    null, null, null, null, null, null, null, deliverables, estimatedDuration, null, null);
        }

        public static DeliveryInput data(
                @Nullable String dataSetDescription, @Nullable DataDeliveryMethod deliveryMethod) {
            return new DeliveryInput(
                    null, null, null, null, null, null, null, null, null, dataSetDescription, deliveryMethod);
        }
    }

    public record AmiImageInput(
            @Nullable String amiId,
            @Nullable String region,
            @Nullable String operatingSystem) {}

    public record ContainerImageInput(
            @Nullable String repositoryUri, @Nullable String tag) {}

    /**
     * Set (replace) a product's public offer.
     *
     * @param version the product version the change is based on; optional, checked when given
     * @param freeTrialDays required with {@link PricingModel#FREE_TRIAL}
     */
    public record PublicOfferInput(
            @Nullable Long version,
            @Nullable List<PricingModel> pricingModels,
            @Nullable Integer freeTrialDays,
            @Nullable List<PriceInput> prices) {}

    /**
     * One list price as sent: amounts are decimal strings, e.g. {@code "1200.00"} or {@code "0.00012500"}.
     *
     * @param durationMonths for contract prices only: 1, 12, 24 or 36
     * @param currency {@code USD}, the only list-price currency; assumed when absent
     */
    public record PriceInput(
            @Nullable PricingModel model,
            @Nullable String dimensionKey,
            @Nullable Integer durationMonths,
            @Nullable String amount,
            @Nullable String currency) {}

    /**
     * Move a product to another visibility.
     *
     * @param version the product version the change is based on; optional, checked when given
     */
    public record ChangeVisibility(
            @Nullable Visibility visibility, @Nullable Long version) {}

    /** Which products to list: filters, and a keyset cursor (the last product id of the previous page). */
    public record ProductQuery(
            @Nullable ProductType type,
            @Nullable Visibility visibility,
            @Nullable String after,
            @Nullable Integer limit) {

        public static final int DEFAULT_LIMIT = 50;
        public static final int MAX_LIMIT = 100;

        public static ProductQuery all() {
            return new ProductQuery(null, null, null, MAX_LIMIT);
        }
    }
}
