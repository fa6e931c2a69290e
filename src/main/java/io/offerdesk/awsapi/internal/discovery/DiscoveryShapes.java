package io.offerdesk.awsapi.internal.discovery;

import io.offerdesk.agreements.Discovery.DiscoveredOffer;
import io.offerdesk.agreements.Discovery.DiscoveredOfferSet;
import io.offerdesk.agreements.FulfillmentOption;
import io.offerdesk.agreements.Listing;
import io.offerdesk.agreements.Listing.Seller;
import io.offerdesk.agreements.PurchaseOption.Badge;
import io.offerdesk.agreements.PurchaseOption.OfferOption;
import io.offerdesk.awsapi.internal.EpochSeconds;
import io.offerdesk.awsapi.internal.TermWire;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.Term;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the Discovery API's output shapes (camel-case members, timestamps as epoch seconds, unions as one-member
 * objects) from the buyer's view the {@code agreements} module gives, and reads back the ids this writing derives:
 * a listing is its product ({@code prodview-} for {@code prod-}), a seller profile is its party ({@code seller-} and
 * the party id), a category id is its name made a filter value.
 *
 * <p>What Offerdesk does not keep (logos, highlights, promotional media, reviews, use cases, seller engagements) is
 * written as the model's empty lists, and the logo as one neutral image served by Offerdesk.
 */
final class DiscoveryShapes {

    static final String CATALOG = "AWSMarketplace";
    static final String LISTING_PREFIX = "prodview-";
    static final String SELLER_PREFIX = "seller-";
    static final String LOGO_PATH = "/css/listing-logo.svg";

    private static final Pattern NOT_A_FILTER_CHARACTER = Pattern.compile("[^\\w.-]+");

    private final JsonMapper json;
    private final String baseUrl;

    /** @param baseUrl where this Offerdesk is reached, for the links the shapes carry (logo, offer page) */
    DiscoveryShapes(JsonMapper json, String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl;
    }

    static String listingId(ProductId product) {
        return LISTING_PREFIX + product.value().substring(ProductId.PREFIX.length());
    }

    /** The product a listing id names; empty for anything this API did not write. */
    static Optional<String> productOfListing(String listingId) {
        return listingId.startsWith(LISTING_PREFIX)
                ? Optional.of(ProductId.PREFIX + listingId.substring(LISTING_PREFIX.length()))
                : Optional.empty();
    }

    static String sellerProfileId(UUID partyId) {
        return SELLER_PREFIX + partyId;
    }

    /** The party a seller profile id names; empty for anything this API did not write. */
    static Optional<UUID> partyOfSellerProfile(String sellerProfileId) {
        if (!sellerProfileId.startsWith(SELLER_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(sellerProfileId.substring(SELLER_PREFIX.length())));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * A category as a filter value ({@code SearchFilterValue} allows only word characters, dots and hyphens): lower
     * case, every other run of characters one hyphen.
     */
    static String categoryId(String category) {
        var id = NOT_A_FILTER_CHARACTER
                .matcher(category.toLowerCase(Locale.ROOT))
                .replaceAll("-")
                .replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "category" : id;
    }

    /**
     * The model's pricing model of a public offer's pricing model: a subscription is a contract billed monthly, and a
     * free trial is no way of paying (it is the listing's {@code FREE_TRIAL} badge).
     */
    static Optional<String> pricingModelType(PricingModel model) {
        return switch (model) {
            case CONTRACT, SUBSCRIPTION -> Optional.of("CONTRACT");
            case USAGE -> Optional.of("USAGE");
            case BYOL -> Optional.of("BYOL");
            case FREE_TRIAL -> Optional.empty();
        };
    }

    static String pricingModelDisplayName(String type) {
        return switch (type) {
            case "CONTRACT" -> "Contract";
            case "USAGE" -> "Usage";
            case "BYOL" -> "Bring your own license";
            default -> "Free";
        };
    }

    static String fulfillmentDisplayName(FulfillmentOption.Type type) {
        return switch (type) {
            case SAAS -> "SaaS";
            case AMAZON_MACHINE_IMAGE -> "Amazon Machine Image";
            case CONTAINER -> "Container image";
            case SAGEMAKER_MODEL -> "Amazon SageMaker model";
            case SAGEMAKER_ALGORITHM -> "Amazon SageMaker algorithm";
            case PROFESSIONAL_SERVICES -> "Professional services";
            case DATA_EXCHANGE -> "AWS Data Exchange";
        };
    }

    /** The model's pricing unit of a dimension's unit, by the words AWS's units use; anything else counts units. */
    static String pricingUnitType(String unit) {
        var word = unit.toLowerCase(Locale.ROOT);
        if (word.contains("user") || word.contains("seat")) {
            return "USERS";
        }
        if (word.contains("host") || word.contains("hr") || word.contains("hour")) {
            return "HOSTS";
        }
        if (word.contains("request") || word.contains("call")) {
            return "REQUESTS";
        }
        if (word.contains("bps")) {
            return "BANDWIDTH";
        }
        if (word.matches(".*\\b[kmgtp]b\\b.*") || word.contains("byte")) {
            return "DATA";
        }
        if (word.contains("tier")) {
            return "TIERS";
        }
        return "UNITS";
    }

    // ---- listings and products

    ObjectNode listingSummary(Listing listing) {
        var node = json.createObjectNode();
        node.put("listingId", listingId(listing.productId()));
        node.put("listingName", listing.title());
        node.set("publisher", seller(listing.seller()));
        node.put("catalog", CATALOG);
        node.put("shortDescription", listing.shortDescription());
        node.put("logoThumbnailUrl", baseUrl + LOGO_PATH);
        node.set("categories", categories(listing));
        node.set("fulfillmentOptionSummaries", fulfillmentSummaries(listing));
        node.set("badges", listingBadges(listing));
        node.set("reviewSummary", reviewSummary());
        node.set("pricingModels", pricingModels(listing));
        node.set("pricingUnits", pricingUnits(listing));
        node.putArray("associatedEntities").addObject().set("product", product(listing));
        return node;
    }

    /** {@code GetListing}: the summary's members and the listing page's, with the buyer's offers for the product. */
    ObjectNode listing(Listing listing, List<OfferOption> offers) {
        var node = listingSummary(listing);
        node.remove("associatedEntities");
        var associated = node.putArray("associatedEntities");
        if (offers.isEmpty()) {
            associated.addObject().set("product", product(listing));
        }
        for (var offer : offers) {
            var entity = associated.addObject();
            entity.set("product", product(listing));
            entity.set("offer", offerInformation(offer));
        }
        node.putArray("highlights");
        node.put("longDescription", longDescription(listing));
        node.putArray("promotionalMedia");
        node.putArray("resources");
        node.putArray("sellerEngagements");
        node.putArray("useCases");
        return node;
    }

    /**
     * {@code GetProduct}. Offerdesk does not review where a product runs, so whether it is deployed on AWS is {@code
     * NOT_APPLICABLE}.
     */
    ObjectNode productDetails(Listing listing) {
        var node = json.createObjectNode();
        node.put("productId", listing.productId().value());
        node.put("catalog", CATALOG);
        node.put("productName", listing.title());
        node.put("deployedOnAws", "NOT_APPLICABLE");
        node.put("shortDescription", listing.shortDescription());
        node.put("longDescription", longDescription(listing));
        node.set("manufacturer", seller(listing.seller()));
        node.put("logoThumbnailUrl", baseUrl + LOGO_PATH);
        node.set("fulfillmentOptionSummaries", fulfillmentSummaries(listing));
        node.set("categories", categories(listing));
        node.putArray("highlights");
        node.putArray("promotionalMedia");
        node.putArray("resources");
        node.putArray("sellerEngagements");
        return node;
    }

    /** {@code FulfillmentOption}, the union member of the option's kind. */
    ObjectNode fulfillmentOption(Listing listing) {
        var option = listing.fulfillmentOption();
        var body = json.createObjectNode();
        body.put("fulfillmentOptionId", option.id());
        body.put("fulfillmentOptionType", option.type().name());
        body.put("fulfillmentOptionDisplayName", fulfillmentDisplayName(option.type()));
        var member = switch (option) {
            case FulfillmentOption.Saas saas -> "saasFulfillmentOption";
            case FulfillmentOption.SageMakerModel model -> "sageMakerModelFulfillmentOption";
            case FulfillmentOption.SageMakerAlgorithm algorithm -> "sageMakerAlgorithmFulfillmentOption";
            case FulfillmentOption.ProfessionalServices services -> "professionalServicesFulfillmentOption";
            case FulfillmentOption.DataExchange data -> "dataExchangeFulfillmentOption";
            case FulfillmentOption.AmazonMachineImage ami -> {
                body.put("fulfillmentOptionName", listing.title());
                var systems = body.putArray("operatingSystems");
                ami.regions().stream()
                        .map(FulfillmentOption.ImageRegion::operatingSystem)
                        .distinct()
                        .forEach(system -> systems.addObject()
                                .put("operatingSystemFamilyName", operatingSystemFamily(system))
                                .put("operatingSystemName", system));
                body.put("usageInstructions", ami.usageInstructions());
                yield "amazonMachineImageFulfillmentOption";
            }
            case FulfillmentOption.Container container -> {
                body.put("fulfillmentOptionName", listing.title());
                if (!container.versions().isEmpty()) {
                    body.put("fulfillmentOptionVersion", container.versions().getLast());
                }
                body.put("usageInstructions", container.deploymentInstructions());
                yield "containerFulfillmentOption";
            }
        };
        var union = json.createObjectNode();
        union.set(member, body);
        return union;
    }

    private static String operatingSystemFamily(String system) {
        return system.toLowerCase(Locale.ROOT).contains("windows") ? "Windows" : "Linux";
    }

    private static String longDescription(Listing listing) {
        var description = listing.longDescription();
        return description == null || description.isBlank() ? listing.shortDescription() : description;
    }

    private ArrayNode categories(Listing listing) {
        var categories = json.createArrayNode();
        listing.categories()
                .forEach(category -> categories
                        .addObject()
                        .put("categoryId", categoryId(category))
                        .put("displayName", category));
        return categories;
    }

    private ArrayNode fulfillmentSummaries(Listing listing) {
        var summaries = json.createArrayNode();
        var type = listing.fulfillmentOption().type();
        summaries
                .addObject()
                .put("fulfillmentOptionType", type.name())
                .put("displayName", fulfillmentDisplayName(type));
        return summaries;
    }

    private ArrayNode listingBadges(Listing listing) {
        var badges = json.createArrayNode();
        if (listing.freeTrialDays() != null) {
            badges.addObject().put("displayName", "Free trial").put("badgeType", "FREE_TRIAL");
        }
        return badges;
    }

    private ObjectNode reviewSummary() {
        var summary = json.createObjectNode();
        summary.putArray("reviewSourceSummaries");
        return summary;
    }

    private ArrayNode pricingModels(Listing listing) {
        var models = json.createArrayNode();
        listing.pricingModels().stream()
                .map(DiscoveryShapes::pricingModelType)
                .flatMap(Optional::stream)
                .distinct()
                .forEach(type -> models.addObject()
                        .put("pricingModelType", type)
                        .put("displayName", pricingModelDisplayName(type)));
        return models;
    }

    private ArrayNode pricingUnits(Listing listing) {
        var units = new LinkedHashMap<String, String>();
        for (var dimension : listing.dimensions()) {
            units.putIfAbsent(pricingUnitType(dimension.unit()), dimension.unit());
        }
        var array = json.createArrayNode();
        units.forEach(
                (type, unit) -> array.addObject().put("pricingUnitType", type).put("displayName", unit));
        return array;
    }

    ObjectNode seller(Seller seller) {
        var id = sellerProfileId(seller.partyId());
        return json.createObjectNode()
                .put("sellerProfileId", id)
                .put("displayName", seller.name().isBlank() ? id : seller.name());
    }

    /** {@code ProductInformation}. */
    ObjectNode product(Listing listing) {
        var node = json.createObjectNode();
        node.put("productId", listing.productId().value());
        node.put("productName", listing.title());
        node.set("manufacturer", seller(listing.seller()));
        return node;
    }

    // ---- offers, offer sets and purchase options

    /** {@code OfferInformation}. */
    ObjectNode offerInformation(OfferOption option) {
        var node = json.createObjectNode();
        node.put("offerId", option.offer().id().value());
        putName(node, "offerName", option.offer().name());
        node.set("sellerOfRecord", seller(option.sellerOfRecord()));
        return node;
    }

    ObjectNode offer(DiscoveredOffer found) {
        var option = found.option();
        var offer = option.offer();
        var node = json.createObjectNode();
        node.put("offerId", offer.id().value());
        node.put("catalog", CATALOG);
        putName(node, "offerName", offer.name());
        // the Agreement API's agreementProposalIdentifier names the offer to quote
        node.put("agreementProposalId", offer.id().value());
        putTime(node, "expirationTime", offer.expiresAt());
        putTime(node, "availableFromTime", offer.releasedAt());
        node.set("sellerOfRecord", seller(option.sellerOfRecord()));
        if (offer.replacesAgreementId() != null) {
            node.put("replacementAgreementId", offer.replacesAgreementId());
        }
        var model = offer.pricingModel() == null ? OfferPricingModel.FREE : offer.pricingModel();
        var type = model.name();
        node.putObject("pricingModel").put("pricingModelType", type).put("displayName", pricingModelDisplayName(type));
        node.set("badges", badges(option));
        var associated = node.putArray("associatedEntities");
        if (found.product() != null) {
            var entity = associated.addObject();
            entity.set("product", product(found.product()));
            if (offer.offerSetId() != null) {
                entity.putObject("offerSet")
                        .put("offerSetId", offer.offerSetId())
                        .set("sellerOfRecord", seller(option.sellerOfRecord()));
            }
        }
        return node;
    }

    ObjectNode offerSet(DiscoveredOfferSet found) {
        var set = found.set();
        var node = json.createObjectNode();
        node.put("offerSetId", set.id().value());
        node.put("catalog", CATALOG);
        putName(node, "offerSetName", set.name());
        putTime(node, "availableFromTime", set.releasedAt());
        putTime(node, "expirationTime", expiration(found));
        if (set.buyerNotes() != null) {
            // NullableString holds 255 characters; the whole notes are on the buyer's offer-set page
            node.put("buyerNotes", truncate(set.buyerNotes(), 255));
        }
        node.set("sellerOfRecord", seller(found.sellerOfRecord()));
        node.set("badges", setBadges(found));
        var associated = node.putArray("associatedEntities");
        for (var offer : found.offers()) {
            if (offer.product() != null) {
                var entity = associated.addObject();
                entity.set("product", product(offer.product()));
                entity.set("offer", offerInformation(offer.option()));
            }
        }
        return node;
    }

    /** {@code PurchaseOptionSummary} of an offer outside any offer set. */
    ObjectNode purchaseOption(DiscoveredOffer found) {
        var option = found.option();
        var offer = option.offer();
        var node = json.createObjectNode();
        node.put("purchaseOptionId", offer.id().value());
        node.put("catalog", CATALOG);
        node.put("purchaseOptionType", "OFFER");
        putName(node, "purchaseOptionName", offer.name());
        putTime(node, "availableFromTime", offer.releasedAt());
        putTime(node, "expirationTime", offer.expiresAt());
        node.set("sellerOfRecord", seller(option.sellerOfRecord()));
        node.set("badges", badges(option));
        var associated = node.putArray("associatedEntities");
        if (found.product() != null) {
            var entity = associated.addObject();
            entity.set("product", product(found.product()));
            entity.set("offer", offerInformation(option));
        }
        return node;
    }

    /** {@code PurchaseOptionSummary} of an offer set: one associated entity per offer in it. */
    ObjectNode purchaseOption(DiscoveredOfferSet found) {
        var set = found.set();
        var node = json.createObjectNode();
        node.put("purchaseOptionId", set.id().value());
        node.put("catalog", CATALOG);
        node.put("purchaseOptionType", "OFFERSET");
        putName(node, "purchaseOptionName", set.name());
        putTime(node, "availableFromTime", set.releasedAt());
        putTime(node, "expirationTime", expiration(found));
        node.set("sellerOfRecord", seller(found.sellerOfRecord()));
        node.set("badges", setBadges(found));
        var associated = node.putArray("associatedEntities");
        for (var offer : found.offers()) {
            if (offer.product() != null) {
                var entity = associated.addObject();
                entity.set("product", product(offer.product()));
                entity.set("offer", offerInformation(offer.option()));
                entity.putObject("offerSet")
                        .put("offerSetId", set.id().value())
                        .set("sellerOfRecord", seller(found.sellerOfRecord()));
            }
        }
        return node;
    }

    /** A set can be accepted until its first offer expires, since its offers are accepted together. */
    private static @Nullable Instant expiration(DiscoveredOfferSet found) {
        return found.offers().stream()
                .map(offer -> offer.offer().expiresAt())
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private ArrayNode badges(OfferOption option) {
        var badges = json.createArrayNode();
        option.badges().stream().sorted().forEach(badge -> badges.add(badge(badge)));
        if (option.offer().isReplacement()) {
            badges.addObject().put("displayName", "Replacement offer").put("badgeType", "REPLACEMENT_OFFER");
        }
        return badges;
    }

    private ArrayNode setBadges(DiscoveredOfferSet found) {
        var badges = json.createArrayNode();
        found.offers().stream()
                .flatMap(offer -> offer.option().badges().stream())
                .distinct()
                .sorted()
                .forEach(badge -> badges.add(badge(badge)));
        return badges;
    }

    private ObjectNode badge(Badge badge) {
        var name = switch (badge) {
            case PRIVATE_PRICING -> "Private pricing";
            case FUTURE_DATED -> "Future dated";
        };
        return json.createObjectNode().put("displayName", name).put("badgeType", badge.name());
    }

    // ---- terms

    /**
     * The offer's terms as the model's {@code OfferTerm} union, in the offer's order. The net payment term has no
     * member in the union (AWS shows payment due dates on the invoice), so it is not listed.
     */
    List<ObjectNode> terms(Offer offer, @Nullable Listing product) {
        var dimensions = product == null ? List.<Dimension>of() : product.dimensions();
        var terms = new ArrayList<ObjectNode>();
        for (var term : offer.terms()) {
            if (term instanceof Term.NetPaymentTerm) {
                continue;
            }
            var body = json.createObjectNode();
            body.put("id", offer.termId(term));
            body.put("type", term.type());
            TermWire.members(
                    body,
                    term,
                    (item, key) -> dimension(item, key, dimensions),
                    // a standard EULA has no URL of its own: the buyer reads it on the offer's page
                    document -> document.url() == null
                            ? baseUrl + "/buyer/offers/" + offer.id().value()
                            : document.url());
            terms.add(TermWire.union(term, body));
        }
        return terms;
    }

    /** A dimension as buyers read it: the product's name and unit for the key (the key itself if the product lost it). */
    private static ObjectNode dimension(ObjectNode item, String key, List<Dimension> dimensions) {
        var dimension =
                dimensions.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
        item.put("dimensionKey", key);
        item.put("displayName", dimension == null ? key : dimension.name());
        if (dimension != null
                && dimension.description() != null
                && !dimension.description().isBlank()) {
            item.put("description", dimension.description());
        }
        item.put("unit", dimension == null ? "Units" : dimension.unit());
        return item;
    }

    private static void putTime(ObjectNode node, String member, @Nullable Instant instant) {
        if (instant != null) {
            EpochSeconds.put(node, member, instant);
        }
    }

    private static void putName(ObjectNode node, String member, @Nullable String name) {
        if (name != null && !name.isBlank()) {
            node.put(member, truncate(name, 255));
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
