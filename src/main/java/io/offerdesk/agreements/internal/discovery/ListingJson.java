package io.offerdesk.agreements.internal.discovery;

import io.offerdesk.agreements.FulfillmentOption;
import io.offerdesk.agreements.Listing;
import io.offerdesk.agreements.ListingResults;
import io.offerdesk.catalog.Delivery.DataDeliveryMethod;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A listing in the native API, after the Discovery API's {@code ListingSummary} (in search results) and
 * {@code GetProduct} with {@code ListFulfillmentOptions} (for one product, with its dimensions and long description).
 *
 * @param freeTrial whether the public offer includes a free trial (AWS: the {@code FREE_TRIAL} badge)
 */
record ListingJson(
        String productId,
        ProductType type,
        String title,
        String shortDescription,
        @Nullable String longDescription,
        SellerJson seller,
        List<String> categories,
        List<String> keywords,
        List<PricingModel> pricingModels,
        boolean freeTrial,
        @Nullable Integer freeTrialDays,
        @Nullable List<Dimension> dimensions,
        List<FulfillmentOptionJson> fulfillmentOptions) {

    record SellerJson(UUID id, String name) {}

    /**
     * A fulfillment option: its kind and, for one product, what a buyer may know of it before purchase.
     *
     * @param regions AMI: where the images run and on which operating system
     * @param versions container: the image tags offered
     */
    record FulfillmentOptionJson(
            String id,
            FulfillmentOption.Type type,
            @Nullable List<FulfillmentOption.ImageRegion> regions,
            @Nullable List<String> versions,
            @Nullable String usageInstructions,
            @Nullable List<String> deliverables,
            @Nullable String estimatedDuration,
            @Nullable String dataSetDescription,
            @Nullable DataDeliveryMethod deliveryMethod) {

        static FulfillmentOptionJson summary(FulfillmentOption option) {
            return new FulfillmentOptionJson(option.id(), option.type(), null, null, null, null, null, null, null);
        }

        static FulfillmentOptionJson of(FulfillmentOption option) {
            return switch (option) {
                case FulfillmentOption.Saas saas -> summary(saas);
                case FulfillmentOption.SageMakerModel model -> summary(model);
                case FulfillmentOption.SageMakerAlgorithm algorithm -> summary(algorithm);
                case FulfillmentOption.AmazonMachineImage ami ->
                    new FulfillmentOptionJson(
                            ami.id(), ami.type(), ami.regions(), null, ami.usageInstructions(), null, null, null, null);
                case FulfillmentOption.Container container ->
                    new FulfillmentOptionJson(
                            container.id(),
                            container.type(),
                            null,
                            container.versions(),
                            container.deploymentInstructions(),
                            null,
                            null,
                            null,
                            null);
                case FulfillmentOption.ProfessionalServices services ->
                    new FulfillmentOptionJson(
                            services.id(),
                            services.type(),
                            null,
                            null,
                            null,
                            services.deliverables(),
                            services.estimatedDuration(),
                            null,
                            null);
                case FulfillmentOption.DataExchange data ->
                    new FulfillmentOptionJson(
                            data.id(),
                            data.type(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            data.dataSetDescription(),
                            data.deliveryMethod());
            };
        }
    }

    /** A value of a facet and how many matching listings have it. */
    record FacetJson(String value, @Nullable String displayName, int count) {}

    record FacetsJson(
            List<FacetJson> types,
            List<FacetJson> categories,
            List<FacetJson> pricingModels,
            List<FacetJson> sellers) {}

    /**
     * One page of search results.
     *
     * @param totalResults how many listings match, over all pages
     */
    record SearchJson(int totalResults, int offset, int limit, List<ListingJson> listings, FacetsJson facets) {}

    static ListingJson summary(Listing listing) {
        return of(listing, null, null, FulfillmentOptionJson.summary(listing.fulfillmentOption()));
    }

    static ListingJson product(Listing listing) {
        return of(
                listing,
                listing.longDescription(),
                listing.dimensions(),
                FulfillmentOptionJson.of(listing.fulfillmentOption()));
    }

    static SearchJson search(ListingResults results, int offset, int limit) {
        var facets = results.facets();
        return new SearchJson(
                results.total(),
                offset,
                limit,
                results.listings().stream().map(ListingJson::summary).toList(),
                new FacetsJson(
                        counts(facets.types(), ProductType::name),
                        counts(facets.categories(), Function.identity()),
                        counts(facets.pricingModels(), PricingModel::name),
                        results.sellers().stream()
                                .map(seller -> new FacetJson(
                                        seller.partyId().toString(),
                                        seller.name(),
                                        facets.sellers().getOrDefault(seller.partyId(), 0)))
                                .toList()));
    }

    private static <T> List<FacetJson> counts(Map<T, Integer> facet, Function<T, String> value) {
        return facet.entrySet().stream()
                .map(entry -> new FacetJson(value.apply(entry.getKey()), null, entry.getValue()))
                .toList();
    }

    private static ListingJson of(
            Listing listing,
            @Nullable String longDescription,
            @Nullable List<Dimension> dimensions,
            FulfillmentOptionJson fulfillment) {
        return new ListingJson(
                listing.productId().value(),
                listing.type(),
                listing.title(),
                listing.shortDescription(),
                longDescription,
                new SellerJson(listing.seller().partyId(), listing.seller().name()),
                listing.categories(),
                listing.keywords(),
                listing.pricingModels(),
                listing.pricingModels().contains(PricingModel.FREE_TRIAL),
                listing.freeTrialDays(),
                dimensions,
                List.of(fulfillment));
    }
}
