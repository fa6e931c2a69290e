package io.offerdesk.agreements;

import io.offerdesk.agreements.Listing.Seller;
import io.offerdesk.agreements.PurchaseOption.Badge;
import io.offerdesk.agreements.PurchaseOption.ListPrices;
import io.offerdesk.agreements.PurchaseOption.OfferOption;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ListingQueries;
import io.offerdesk.catalog.ListingSearch;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferQueries.BuyerTab;
import io.offerdesk.offers.OfferSet;
import io.offerdesk.offers.OfferSets;
import io.offerdesk.offers.OfferViews;
import io.offerdesk.offers.PriceSummary;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a buyer can find and buy, as the AWS Marketplace Discovery API answers it: a search over the listings, a
 * product's page with its fulfillment option, the purchase options the buyer has for it, and one offer with its terms.
 *
 * <p>A buyer finds every public product and the products it holds a released, unexpired private offer for; a private
 * offer shows only to users acting for an account it targets. Anything else is not found, never forbidden, so no buyer
 * learns what a seller offers someone else. Other parties are not buyers here: their searches find nothing and every
 * product and offer is not found.
 */
@Service
public class Discovery {

    private final ListingQueries listings;
    private final CatalogManagement catalog;
    private final OfferQueries offers;
    private final OfferViews views;
    private final OfferSets offerSets;
    private final PartyManagement parties;

    Discovery(
            ListingQueries listings,
            CatalogManagement catalog,
            OfferQueries offers,
            OfferViews views,
            OfferSets offerSets,
            PartyManagement parties) {
        this.listings = listings;
        this.catalog = catalog;
        this.offers = offers;
        this.views = views;
        this.offerSets = offerSets;
        this.parties = parties;
    }

    /** One page of the listings the buyer may see that match, with the facets of the whole result. */
    public ListingResults search(OfferdeskPrincipal me, ListingSearch search) {
        search.checkPage();
        if (me.partyKind() != PartyKind.BUYER) {
            return ListingResults.NONE;
        }
        var page = listings.search(search, offered(me));
        var sellers = new Sellers();
        return new ListingResults(
                page.products().stream()
                        .map(product -> listing(product, sellers))
                        .toList(),
                page.total(),
                page.facets(),
                page.facets().sellers().keySet().stream().map(sellers::of).toList());
    }

    /** A product the buyer may see: a public one, or one it holds a private offer for. */
    public Listing product(OfferdeskPrincipal me, String productId) {
        return listing(listed(me, productId), new Sellers());
    }

    /**
     * The ways the buyer can buy the product: every released, unexpired private offer that targets one of its accounts
     * (soonest expiry first), then, for a public product, its public offer. A product the buyer may not see is not
     * found.
     */
    public List<PurchaseOption> purchaseOptions(OfferdeskPrincipal me, String productId) {
        var product = listed(me, productId);
        var sellers = new Sellers();
        var isPublic = product.visibility() == Visibility.PUBLIC;
        var options = new ArrayList<PurchaseOption>();
        // A public offer entity of a product that is not public is no purchase option: the product is not listed.
        offers.openForBuyer(me, product.id().value()).stream()
                .filter(offer -> offer.isPrivate() || isPublic)
                .map(offer -> option(offer, sellers))
                .forEach(options::add);
        var publicOffer = product.publicOffer();
        if (isPublic && publicOffer != null) {
            options.add(new ListPrices(product.id(), sellers.of(product.sellerPartyId()), publicOffer));
        }
        return List.copyOf(options);
    }

    /** A released offer the buyer may see (a private one targets one of its accounts), with its product if it exists. */
    public DiscoveredOffer offer(OfferdeskPrincipal me, String offerId) {
        var offer = views.open(me, offerId);
        var sellers = new Sellers();
        return new DiscoveredOffer(
                option(offer, sellers), listing(offer.productId(), sellers).orElse(null));
    }

    /**
     * Every released, unexpired private offer that targets one of the buyer's accounts, whatever its product, soonest
     * expiry first, each with its product: the buyer's private purchase options across the marketplace
     * ({@code ListPurchaseOptions} without a product). Empty for anyone but a buyer.
     */
    public List<DiscoveredOffer> privateOffers(OfferdeskPrincipal me) {
        var sellers = new Sellers();
        var products = new HashMap<String, Optional<Listing>>();
        var found = new ArrayList<DiscoveredOffer>();
        var offset = 0;
        OfferQueries.OfferPage page;
        do {
            page = offers.forBuyer(me, BuyerTab.AVAILABLE, offset, OfferQueries.PAGE_MAX);
            for (var offer : page.offers()) {
                var product = products.computeIfAbsent(offer.productId(), id -> listing(id, sellers));
                found.add(new DiscoveredOffer(option(offer, sellers), product.orElse(null)));
            }
            offset += OfferQueries.PAGE_MAX;
        } while (page.more());
        return List.copyOf(found);
    }

    /**
     * The released offer sets whose offers target one of the buyer's accounts and can all still be accepted, most
     * recently released first, each with its offers. Empty for anyone but a buyer.
     */
    public List<DiscoveredOfferSet> offerSets(OfferdeskPrincipal me) {
        var sellers = new Sellers();
        var found = new ArrayList<DiscoveredOfferSet>();
        var now = offers.now();
        var offset = 0;
        OfferSets.OfferSetPage page;
        do {
            page = offerSets.forBuyer(me, offset, OfferSets.PAGE_MAX);
            for (var set : page.sets()) {
                // a set is accepted whole, so one offer the buyer can no longer see or accept takes the set off
                try {
                    var view = offerSets.forBuyer(me, set.id().value());
                    if (view.offers().stream().noneMatch(offer -> offer.isExpired(now))) {
                        found.add(discovered(view, sellers));
                    }
                } catch (NotFound offerGone) {
                    // not a purchase option
                }
            }
            offset += OfferSets.PAGE_MAX;
        } while (page.more());
        return List.copyOf(found);
    }

    /** A released offer set the buyer may see (every offer in it is one the buyer may see), with its offers. */
    public DiscoveredOfferSet offerSet(OfferdeskPrincipal me, String offerSetId) {
        return discovered(offerSets.forBuyer(me, offerSetId), new Sellers());
    }

    /**
     * An offer set as {@code GetOfferSet} describes it: the set, who sells under it, and its offers in the set's
     * order with their products.
     */
    public record DiscoveredOfferSet(OfferSet set, Seller sellerOfRecord, List<DiscoveredOffer> offers) {

        public DiscoveredOfferSet {
            offers = List.copyOf(offers);
        }
    }

    /**
     * An offer as {@code GetOffer} and {@code GetOfferTerms} describe it.
     *
     * @param product absent when the seller has since deleted the product
     */
    public record DiscoveredOffer(
            OfferOption option, @Nullable Listing product) {

        public Offer offer() {
            return option.offer();
        }
    }

    private DiscoveredOfferSet discovered(OfferSets.OfferSetView view, Sellers sellers) {
        return new DiscoveredOfferSet(
                view.set(),
                sellers.of(view.set().ownerPartyId()),
                view.offers().stream()
                        .map(offer -> new DiscoveredOffer(
                                option(offer, sellers),
                                listing(offer.productId(), sellers).orElse(null)))
                        .toList());
    }

    /** The product of an offer the buyer may see, which the offer makes listed for the buyer. */
    private Optional<Listing> listing(String productId, Sellers sellers) {
        return ProductId.parse(productId).flatMap(catalog::find).map(found -> listing(found, sellers));
    }

    private Product listed(OfferdeskPrincipal me, String productId) {
        return ProductId.parse(productId)
                .filter(id -> me.partyKind() == PartyKind.BUYER)
                .flatMap(id -> listings.listed(id, offered(me)))
                .orElseThrow(() -> new NotFound("product", productId));
    }

    private List<ProductId> offered(OfferdeskPrincipal me) {
        return offers.productsOfferedTo(me).stream()
                .map(ProductId::parse)
                .flatMap(Optional::stream)
                .toList();
    }

    private OfferOption option(Offer offer, Sellers sellers) {
        var badges = EnumSet.noneOf(Badge.class);
        if (offer.isPrivate()) {
            badges.add(Badge.PRIVATE_PRICING);
        }
        var today = LocalDate.ofInstant(offers.now(), ZoneOffset.UTC);
        var start = offer.term(ValidityTerm.class)
                .map(ValidityTerm::agreementStartDate)
                .orElse(null);
        if (start != null && start.isAfter(today)) {
            badges.add(Badge.FUTURE_DATED);
        }
        return new OfferOption(offer, sellers.of(offer.sellerPartyId()), PriceSummary.of(offer), badges);
    }

    private static Listing listing(Product product, Sellers sellers) {
        return Listing.of(product, sellers.of(product.sellerPartyId()));
    }

    /** Seller names, each looked up once per answer. */
    private final class Sellers {
        private final Map<UUID, Seller> known = new HashMap<>();

        Seller of(UUID partyId) {
            return known.computeIfAbsent(
                    partyId,
                    id -> new Seller(id, parties.find(id).map(Party::name).orElse("")));
        }
    }
}
