package io.offerdesk.awsapi.internal.discovery;

import io.offerdesk.agreements.Discovery;
import io.offerdesk.agreements.Discovery.DiscoveredOffer;
import io.offerdesk.agreements.FulfillmentOption;
import io.offerdesk.agreements.ListingResults;
import io.offerdesk.agreements.PurchaseOption.OfferOption;
import io.offerdesk.awsapi.internal.AwsError;
import io.offerdesk.awsapi.internal.AwsInput;
import io.offerdesk.awsapi.internal.AwsOperations;
import io.offerdesk.awsapi.internal.AwsService;
import io.offerdesk.awsapi.internal.ModuleErrors;
import io.offerdesk.awsapi.internal.OffsetTokens;
import io.offerdesk.catalog.ListingSearch;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * AWS Marketplace Discovery API ({@code marketplace-discovery}, restJson1, every operation a POST to {@code
 * /2026-02-05/<operation>}) on the buyer's view of the marketplace that {@code agreements.Discovery} gives: the listings
 * a buyer may see (public products and those it holds private offers for), their products and fulfillment options,
 * and the offers and offer sets targeted at the buyer's accounts with their terms. A listing, product, offer or offer
 * set the caller may not see is {@code ResourceNotFoundException}, exactly as one that does not exist; other parties
 * than buyers find nothing.
 *
 * <p>Filters combine with AND, the values of one filter with OR, as the model says. What Offerdesk does not keep
 * (customer ratings, whether a product is deployed on AWS, multi-product listings, pricing units as a filter) is
 * refused as a filter with {@code ValidationException} naming it, rather than answered with a guess.
 */
@Component
class DiscoveryOperations implements AwsOperations {

    private static final int SEARCH_DEFAULT = ListingSearch.DEFAULT_LIMIT;
    private static final int PURCHASE_OPTIONS_MAX = 100;
    private static final int PURCHASE_OPTIONS_DEFAULT = 20;
    private static final int TERMS_MAX = 25;
    private static final int FULFILLMENT_OPTIONS_MAX = 50;

    /** The model's {@code SearchFilterType} values Offerdesk filters by; the others it has no data for. */
    private static final Set<String> SEARCH_FILTERS =
            Set.of("CATEGORY", "PUBLISHER", "FULFILLMENT_OPTION_TYPE", "PRICING_MODEL");

    private static final Set<String> UNSUPPORTED_SEARCH_FILTERS = Set.of(
            "MIN_AVERAGE_CUSTOMER_RATING",
            "MAX_AVERAGE_CUSTOMER_RATING",
            "PRICING_UNIT",
            "DEPLOYED_ON_AWS",
            "NUMBER_OF_PRODUCTS");

    /** The facets Offerdesk counts ({@code SearchFacetType}); the others are left out of the answer. */
    private static final List<String> FACETS =
            List.of("CATEGORY", "PUBLISHER", "FULFILLMENT_OPTION_TYPE", "PRICING_MODEL");

    private static final Set<String> FACET_TYPES = Set.of(
            "AVERAGE_CUSTOMER_RATING",
            "CATEGORY",
            "PUBLISHER",
            "FULFILLMENT_OPTION_TYPE",
            "PRICING_MODEL",
            "PRICING_UNIT",
            "DEPLOYED_ON_AWS",
            "NUMBER_OF_PRODUCTS");

    private static final Set<String> PURCHASE_OPTION_FILTERS = Set.of(
            "PRODUCT_ID",
            "SELLER_OF_RECORD_PROFILE_ID",
            "PURCHASE_OPTION_TYPE",
            "VISIBILITY_SCOPE",
            "AVAILABILITY_STATUS");

    /** A product type's kind of fulfillment; a machine-learning product counts as a SageMaker model in facets. */
    private static final Map<ProductType, FulfillmentOption.Type> FULFILLMENT_OF_TYPE = Map.of(
            ProductType.SAAS, FulfillmentOption.Type.SAAS,
            ProductType.AMI, FulfillmentOption.Type.AMAZON_MACHINE_IMAGE,
            ProductType.CONTAINER, FulfillmentOption.Type.CONTAINER,
            ProductType.MACHINE_LEARNING, FulfillmentOption.Type.SAGEMAKER_MODEL,
            ProductType.PROFESSIONAL_SERVICES, FulfillmentOption.Type.PROFESSIONAL_SERVICES,
            ProductType.DATA, FulfillmentOption.Type.DATA_EXCHANGE);

    private static final Set<String> FULFILLMENT_OPTION_TYPES = Set.of(
            "AMAZON_MACHINE_IMAGE",
            "API",
            "CLOUDFORMATION_TEMPLATE",
            "CONTAINER",
            "HELM",
            "EKS_ADD_ON",
            "EC2_IMAGE_BUILDER_COMPONENT",
            "DATA_EXCHANGE",
            "PROFESSIONAL_SERVICES",
            "SAAS",
            "SAGEMAKER_ALGORITHM",
            "SAGEMAKER_MODEL");

    private static final Set<String> PRICING_MODEL_TYPES = Set.of("USAGE", "CONTRACT", "BYOL", "FREE");

    private final Discovery discovery;
    private final ModuleErrors errors;
    private final JsonMapper json;

    DiscoveryOperations(Discovery discovery, ModuleErrors errors, JsonMapper json) {
        this.discovery = discovery;
        this.errors = errors;
        this.json = json;
    }

    @Override
    public AwsService service() {
        return AwsService.DISCOVERY;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "SearchListings", this::searchListings,
                "SearchFacets", this::searchFacets,
                "GetListing", this::getListing,
                "GetProduct", this::getProduct,
                "ListFulfillmentOptions", this::listFulfillmentOptions,
                "ListPurchaseOptions", this::listPurchaseOptions,
                "GetOffer", this::getOffer,
                "GetOfferTerms", this::getOfferTerms,
                "GetOfferSet", this::getOfferSet);
    }

    JsonNode searchListings(OfferdeskPrincipal caller, AwsInput input) {
        var offset = offset(input);
        var limit = maxResults(input, ListingSearch.MAX_LIMIT, SEARCH_DEFAULT);
        var sortBy = oneOf(input, "sortBy", Set.of("RELEVANCE", "AVERAGE_CUSTOMER_RATING"));
        var sortOrder = oneOf(input, "sortOrder", Set.of("DESCENDING", "ASCENDING"));
        // No listing has customer ratings, so ordering by them ties everywhere (in either order) and falls back to
        // the title; relevance is only ever most relevant first, so the least relevant first is refused.
        var byRating = "AVERAGE_CUSTOMER_RATING".equals(sortBy);
        if (!byRating && "ASCENDING".equals(sortOrder)) {
            throw validation("sortOrder: listings by RELEVANCE are sorted DESCENDING (most relevant first) only.");
        }
        var sort = byRating ? ListingSearch.Sort.TITLE : ListingSearch.Sort.RELEVANCE;
        var output = json.createObjectNode();
        var summaries = output.putArray("listingSummaries");
        var search = search(caller, input, sort, offset, limit);
        if (search.isEmpty()) {
            output.put("totalResults", 0);
            return output;
        }
        var results = discovery.search(caller, search.get());
        var shapes = shapes();
        results.listings().forEach(listing -> summaries.add(shapes.listingSummary(listing)));
        output.put("totalResults", results.total());
        OffsetTokens.next(output, offset, limit, results.total() > offset + limit);
        return output;
    }

    JsonNode searchFacets(OfferdeskPrincipal caller, AwsInput input) {
        // every facet value comes in one answer, so a token can only be one this service never gave
        offset(input);
        var requested = new ArrayList<String>();
        for (var type : input.strings("facetTypes")) {
            if (!FACET_TYPES.contains(type)) {
                throw validation("facetTypes: " + type + " is not one of " + sorted(FACET_TYPES) + ".");
            }
            requested.add(type);
        }
        var output = json.createObjectNode();
        var facets = output.putObject("listingFacets");
        var search = search(caller, input, ListingSearch.Sort.RELEVANCE, 0, 1);
        if (search.isEmpty()) {
            output.put("totalResults", 0);
            return output;
        }
        var results = discovery.search(caller, search.get());
        output.put("totalResults", results.total());
        for (var type : FACETS) {
            if (requested.isEmpty() || requested.contains(type)) {
                facets.set(type, facet(caller, type, search.get(), results));
            }
        }
        return output;
    }

    JsonNode getListing(OfferdeskPrincipal caller, AwsInput input) {
        var listingId = input.string("listingId");
        var productId =
                DiscoveryShapes.productOfListing(listingId).orElseThrow(() -> new NotFound("listing", listingId));
        try {
            var listing = discovery.product(caller, productId);
            var offers = discovery.purchaseOptions(caller, productId).stream()
                    .filter(OfferOption.class::isInstance)
                    .map(OfferOption.class::cast)
                    .filter(option -> option.offer().offerSetId() == null)
                    .toList();
            return shapes().listing(listing, offers);
        } catch (NotFound missing) {
            throw new NotFound("listing", listingId);
        }
    }

    JsonNode getProduct(OfferdeskPrincipal caller, AwsInput input) {
        return shapes().productDetails(discovery.product(caller, input.string("productId")));
    }

    JsonNode listFulfillmentOptions(OfferdeskPrincipal caller, AwsInput input) {
        var offset = offset(input);
        maxResults(input, FULFILLMENT_OPTIONS_MAX, FULFILLMENT_OPTIONS_MAX);
        var listing = discovery.product(caller, input.string("productId"));
        var output = json.createObjectNode();
        var options = output.putArray("fulfillmentOptions");
        // a product is delivered one way, so its one option is the whole first page
        if (offset == 0) {
            options.add(shapes().fulfillmentOption(listing));
        }
        return output;
    }

    /**
     * The buyer's offers outside offer sets and its offer sets, filtered. The model asks for a product or a visibility
     * scope; the public purchase options are listed per product, since Offerdesk's list prices are no offer entity and
     * a product's public offer is found through the product.
     */
    JsonNode listPurchaseOptions(OfferdeskPrincipal caller, AwsInput input) {
        var offset = offset(input);
        var limit = maxResults(input, PURCHASE_OPTIONS_MAX, PURCHASE_OPTIONS_DEFAULT);
        var filters = filters(input, PURCHASE_OPTION_FILTERS, Set.of());
        var products = filters.get("PRODUCT_ID");
        var visibility = values(filters, "VISIBILITY_SCOPE", Set.of("PUBLIC", "PRIVATE"));
        if (products == null && visibility == null) {
            throw validation("filters: a PRODUCT_ID or a VISIBILITY_SCOPE filter is required.");
        }
        if (products == null && !visibility.contains("PRIVATE")) {
            throw validation("filters: public purchase options are listed per product; add a PRODUCT_ID filter.");
        }
        var types = values(filters, "PURCHASE_OPTION_TYPE", Set.of("OFFER", "OFFERSET"));
        // every option listed can be accepted now; future-dated ones carry the FUTURE_DATED badge
        values(filters, "AVAILABILITY_STATUS", Set.of("AVAILABLE"));
        var sellers = filters.get("SELLER_OF_RECORD_PROFILE_ID");

        var offers = new ArrayList<DiscoveredOffer>();
        if (products == null) {
            offers.addAll(discovery.privateOffers(caller));
        } else {
            for (var productId : products) {
                offers.addAll(offersFor(caller, productId));
            }
        }
        Predicate<String> product = id -> products == null || products.contains(id);
        Predicate<Boolean> scope =
                isPrivate -> visibility == null || visibility.contains(isPrivate ? "PRIVATE" : "PUBLIC");
        Predicate<UUID> seller = id -> sellers == null || sellers.contains(DiscoveryShapes.sellerProfileId(id));
        var shapes = shapes();
        var options = new ArrayList<ObjectNode>();
        if (types == null || types.contains("OFFER")) {
            offers.stream()
                    .filter(found -> found.offer().offerSetId() == null)
                    .filter(found -> scope.test(found.offer().isPrivate()))
                    .filter(found -> seller.test(found.option().sellerOfRecord().partyId()))
                    .forEach(found -> options.add(shapes.purchaseOption(found)));
        }
        if ((types == null || types.contains("OFFERSET")) && scope.test(true)) {
            discovery.offerSets(caller).stream()
                    .filter(set -> set.offers().stream()
                            .anyMatch(offer -> product.test(offer.offer().productId())))
                    .filter(set -> seller.test(set.sellerOfRecord().partyId()))
                    .forEach(set -> options.add(shapes.purchaseOption(set)));
        }
        var output = json.createObjectNode();
        var page = output.putArray("purchaseOptions");
        options.stream().skip(offset).limit(limit).forEach(page::add);
        OffsetTokens.next(output, offset, limit, options.size() > offset + limit);
        return output;
    }

    /** The buyer's offers for a product; a product the buyer may not see has none, as a filter finds nothing. */
    private List<DiscoveredOffer> offersFor(OfferdeskPrincipal caller, String productId) {
        try {
            var listing = discovery.product(caller, productId);
            return discovery.purchaseOptions(caller, productId).stream()
                    .filter(OfferOption.class::isInstance)
                    .map(option -> new DiscoveredOffer((OfferOption) option, listing))
                    .toList();
        } catch (NotFound notVisible) {
            return List.of();
        }
    }

    JsonNode getOffer(OfferdeskPrincipal caller, AwsInput input) {
        return shapes().offer(discovery.offer(caller, input.string("offerId")));
    }

    JsonNode getOfferTerms(OfferdeskPrincipal caller, AwsInput input) {
        var offset = offset(input);
        var limit = maxResults(input, TERMS_MAX, TERMS_MAX);
        var found = discovery.offer(caller, input.string("offerId"));
        var terms = shapes().terms(found.offer(), found.product());
        var output = json.createObjectNode();
        var page = output.putArray("offerTerms");
        terms.stream().skip(offset).limit(limit).forEach(page::add);
        OffsetTokens.next(output, offset, limit, terms.size() > offset + limit);
        return output;
    }

    JsonNode getOfferSet(OfferdeskPrincipal caller, AwsInput input) {
        return shapes().offerSet(discovery.offerSet(caller, input.string("offerSetId")));
    }

    // ---- search filters and facets

    /**
     * The listing search the input's words and filters make; empty when a filter can match no listing (a value
     * Offerdesk never gives, such as a pricing model no public offer has).
     */
    private Optional<ListingSearch> search(
            OfferdeskPrincipal caller, AwsInput input, ListingSearch.Sort sort, int offset, int limit) {
        var filters = filters(input, SEARCH_FILTERS, UNSUPPORTED_SEARCH_FILTERS);
        var text = input.optionalString("searchText");
        var types = EnumSet.noneOf(ProductType.class);
        var models = EnumSet.noneOf(PricingModel.class);
        var sellers = new HashSet<UUID>();
        var categories = new HashSet<String>();
        var typeValues = values(filters, "FULFILLMENT_OPTION_TYPE", FULFILLMENT_OPTION_TYPES);
        if (typeValues != null) {
            FULFILLMENT_OF_TYPE.forEach((type, fulfillment) -> {
                if (typeValues.contains(fulfillment.name())
                        || (type == ProductType.MACHINE_LEARNING && typeValues.contains("SAGEMAKER_ALGORITHM"))) {
                    types.add(type);
                }
            });
        }
        var modelValues = values(filters, "PRICING_MODEL", PRICING_MODEL_TYPES);
        if (modelValues != null) {
            for (var model : PricingModel.values()) {
                DiscoveryShapes.pricingModelType(model)
                        .filter(modelValues::contains)
                        .ifPresent(type -> models.add(model));
            }
        }
        var publishers = filters.get("PUBLISHER");
        if (publishers != null) {
            publishers.stream()
                    .map(DiscoveryShapes::partyOfSellerProfile)
                    .flatMap(Optional::stream)
                    .forEach(sellers::add);
        }
        var categoryIds = filters.get("CATEGORY");
        if (categoryIds != null) {
            // category ids are derived from names, so the names are those of the result without this filter
            var unfiltered = new ListingSearch(text, types, Set.of(), sellers, models, sort, 0, 1);
            discovery.search(caller, unfiltered).facets().categories().keySet().stream()
                    .filter(name -> categoryIds.contains(DiscoveryShapes.categoryId(name)))
                    .forEach(categories::add);
        }
        if ((typeValues != null && types.isEmpty())
                || (modelValues != null && models.isEmpty())
                || (publishers != null && sellers.isEmpty())
                || (categoryIds != null && categories.isEmpty())) {
            return Optional.empty();
        }
        var search = new ListingSearch(text, types, categories, sellers, models, sort, offset, limit);
        search.checkPage();
        return Optional.of(search);
    }

    private JsonNode facet(OfferdeskPrincipal caller, String type, ListingSearch search, ListingResults results) {
        var facets = results.facets();
        var values = json.createArrayNode();
        switch (type) {
            case "CATEGORY" ->
                facets.categories()
                        .forEach((name, count) -> values.addObject()
                                .put("value", DiscoveryShapes.categoryId(name))
                                .put("displayName", name)
                                .put("count", count));
            case "PUBLISHER" -> {
                for (var seller : results.sellers()) {
                    var id = DiscoveryShapes.sellerProfileId(seller.partyId());
                    values.addObject()
                            .put("value", id)
                            .put("displayName", seller.name().isBlank() ? id : seller.name())
                            .put("count", facets.sellers().getOrDefault(seller.partyId(), 0));
                }
            }
            case "FULFILLMENT_OPTION_TYPE" ->
                facets.types().forEach((productType, count) -> {
                    var fulfillment = FULFILLMENT_OF_TYPE.get(productType);
                    values.addObject()
                            .put("value", fulfillment.name())
                            .put("displayName", DiscoveryShapes.fulfillmentDisplayName(fulfillment))
                            .put("count", count);
                });
            case "PRICING_MODEL" -> {
                var counts = new LinkedHashMap<String, Integer>();
                facets.pricingModels()
                        .forEach((model, count) -> DiscoveryShapes.pricingModelType(model)
                                .ifPresent(aws -> counts.merge(aws, count, Integer::sum)));
                var contract = Set.of(PricingModel.CONTRACT, PricingModel.SUBSCRIPTION);
                if (facets.pricingModels().keySet().containsAll(contract)) {
                    // a product with both a contract and a subscription is one CONTRACT listing, not two
                    var both = new ListingSearch(
                            search.text(),
                            search.types(),
                            search.categories(),
                            search.sellerPartyIds(),
                            search.pricingModels().isEmpty() ? contract : intersect(search.pricingModels(), contract),
                            search.sort(),
                            0,
                            1);
                    counts.put("CONTRACT", discovery.search(caller, both).total());
                }
                counts.forEach((aws, count) -> values.addObject()
                        .put("value", aws)
                        .put("displayName", DiscoveryShapes.pricingModelDisplayName(aws))
                        .put("count", count));
            }
            default -> throw new IllegalArgumentException("not a counted facet: " + type);
        }
        return values;
    }

    private static Set<PricingModel> intersect(Set<PricingModel> a, Set<PricingModel> b) {
        var both = EnumSet.noneOf(PricingModel.class);
        both.addAll(a);
        both.retainAll(b);
        return both;
    }

    /**
     * The input's {@code filters} by type, each type at most once and one of {@code supported}; a type of the model
     * Offerdesk keeps no data for ({@code withoutData}) is refused saying so.
     */
    private Map<String, List<String>> filters(AwsInput input, Set<String> supported, Set<String> withoutData) {
        var filters = new HashMap<String, List<String>>();
        for (var filter : input.list("filters", f -> Map.entry(f.string("filterType"), f.strings("filterValues")))) {
            var type = filter.getKey();
            if (withoutData.contains(type)) {
                throw validation("filters: Offerdesk cannot filter listings by " + type
                        + " (it keeps no customer ratings, AWS deployment reviews or multi-product listings).");
            }
            if (!supported.contains(type)) {
                throw validation("filters: " + type + " is not one of " + sorted(supported) + ".");
            }
            if (filter.getValue().isEmpty()) {
                throw validation("filters: " + type + " needs at least one value.");
            }
            if (filters.put(type, filter.getValue()) != null) {
                throw validation("filters: " + type + " is given more than once; give its values in one filter.");
            }
        }
        return filters;
    }

    /** The values of a filter whose values are an enumeration, checked against it; null when the filter is absent. */
    private static @Nullable List<String> values(Map<String, List<String>> filters, String type, Set<String> allowed) {
        var values = filters.get(type);
        if (values != null) {
            for (var value : values) {
                if (!allowed.contains(value)) {
                    throw validation(
                            "filters: " + value + " is not a " + type + "; use one of " + sorted(allowed) + ".");
                }
            }
        }
        return values;
    }

    private static @Nullable String oneOf(AwsInput input, String member, Set<String> allowed) {
        var value = input.optionalString(member);
        if (value != null && !allowed.contains(value)) {
            throw validation(member + ": " + value + " is not one of " + sorted(allowed) + ".");
        }
        return value;
    }

    // ---- pages

    private static int offset(AwsInput input) {
        try {
            return OffsetTokens.offset(input.optionalString("nextToken"));
        } catch (IllegalArgumentException unreadable) {
            throw validation("nextToken: the token is not one this service gave.")
                    .with("reason", StringNode.valueOf("INVALID_PAGINATION_TOKEN"));
        }
    }

    private static int maxResults(AwsInput input, int max, int absent) {
        var value = input.integer("maxResults", absent);
        if (value < 1 || value > max) {
            throw validation("maxResults: " + value + " is not between 1 and " + max + ".");
        }
        return (int) value;
    }

    // ---- errors

    @Override
    public AwsError translate(String operation, RuntimeException failure) {
        return switch (failure) {
            case InvalidInput invalid ->
                validation(String.join(
                        "; ", invalid.violations().stream().map(errors::message).toList()));
            case NotFound missing ->
                new AwsError(
                        "ResourceNotFoundException",
                        404,
                        "The " + missing.entityType() + " " + missing.entityId() + " was not found.");
            case AccessDeniedException denied ->
                new AwsError("AccessDeniedException", 403, "You are not allowed to do this: " + denied.getMessage());
            default -> new AwsError("InternalServerException", 500, "An internal error occurred.");
        };
    }

    /** The model has no SerializationException: a request the service cannot read is malformed. */
    @Override
    public AwsError onWire(AwsError error) {
        return switch (error.code()) {
            case "SerializationException" -> validation(error.message());
            case "ValidationException" ->
                error.members().containsKey("reason")
                        ? error
                        : error.with("reason", StringNode.valueOf("MALFORMED_REQUEST_PARAMETERS"));
            default -> error;
        };
    }

    private static AwsError validation(String message) {
        return AwsError.validation(message).with("reason", StringNode.valueOf("MALFORMED_REQUEST_PARAMETERS"));
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }

    /** Links in the answer lead to this Offerdesk as the caller reached it. */
    private DiscoveryShapes shapes() {
        return new DiscoveryShapes(
                json,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }
}
