package io.offerdesk.catalog;

import io.offerdesk.catalog.ProductCommands.ChangeVisibility;
import io.offerdesk.catalog.ProductCommands.CreateProduct;
import io.offerdesk.catalog.ProductCommands.ProductQuery;
import io.offerdesk.catalog.ProductCommands.PublicOfferInput;
import io.offerdesk.catalog.ProductCommands.UpdateProduct;
import io.offerdesk.catalog.events.ProductCreated;
import io.offerdesk.catalog.events.ProductDeleted;
import io.offerdesk.catalog.events.ProductUpdated;
import io.offerdesk.catalog.events.ProductVisibilityChanged;
import io.offerdesk.catalog.events.PublicOfferChanged;
import io.offerdesk.catalog.internal.ProductRepository;
import io.offerdesk.catalog.internal.domain.PricingRules;
import io.offerdesk.catalog.internal.domain.ProductRules;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers' products: creating them, changing their content, their public offer and their visibility, and reading
 * them. A seller's administrators and offer authors change the seller's products; everyone at the seller reads them;
 * the operator reads every product. Anyone else is told a product does not exist, never that it is forbidden, so
 * nobody learns what other sellers are building.
 *
 * <p>Each command loads, decides with the pure rules of {@code internal.domain}, then stores and publishes its audited
 * event in the same transaction.
 */
@Service
public class CatalogManagement {

    private final ProductRepository products;
    private final PartyManagement parties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    CatalogManagement(
            ProductRepository products, PartyManagement parties, ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.parties = parties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Product create(OfferdeskPrincipal me, CreateProduct command) {
        if (!ownsProducts(me.partyKind())) {
            throw new AccessDeniedException("only sellers and channel partners own products");
        }
        requireAuthor(me);
        return create(me.actor(), me.partyId(), command);
    }

    /**
     * The product types a party of this kind may own: a seller (ISV) every type; a channel partner only its own
     * professional services (implementation, migration, managed operations), which it sells beside the products it
     * resells; nobody else any.
     */
    public static List<ProductType> typesOwnedBy(PartyKind kind) {
        return switch (kind) {
            case SELLER -> List.of(ProductType.values());
            case CHANNEL_PARTNER -> List.of(ProductType.PROFESSIONAL_SERVICES);
            default -> List.of();
        };
    }

    private static boolean ownsProducts(PartyKind kind) {
        return !typesOwnedBy(kind).isEmpty();
    }

    /**
     * Creates a product for a seller without a signed-in user: demo data, and later the AWS-compatible change sets,
     * which authenticate on their own.
     */
    @Transactional
    public Product create(Actor actor, java.util.UUID sellerPartyId, CreateProduct command) {
        var seller = parties.find(sellerPartyId)
                .filter(p -> ownsProducts(p.kind()))
                .orElseThrow(() -> new AccessDeniedException("only sellers and channel partners own products"));
        var checks = new Validations();
        var type = command.type();
        checks.check(
                type == null || typesOwnedBy(seller.kind()).contains(type),
                "type",
                "validation.product.typeNotOwned",
                String.valueOf(type));
        var content = ProductRules.content(checks, type, command);
        var offer = content == null || type == null || command.publicOffer() == null
                ? null
                : PricingRules.publicOffer(checks, "publicOffer.", type, content.dimensions(), command.publicOffer());
        checks.throwIfInvalid();
        content = Validations.present("product", content);
        type = Validations.present("type", type);
        var id = freshId();
        var now = clock.instant();
        var product = new Product(
                id,
                seller.id(),
                type,
                content.title(),
                content.shortDescription(),
                content.longDescription(),
                Visibility.LIMITED,
                content.categories(),
                content.keywords(),
                content.dimensions(),
                content.delivery(),
                null,
                now,
                now,
                1);
        products.insert(product);
        events.publishEvent(
                new ProductCreated(id.value(), seller.id(), type.name(), product.title(), keys(product), actor, now));
        if (offer != null) {
            storeOffer(actor, product, 1, offer);
        }
        return loaded(id);
    }

    @Transactional
    public Product update(OfferdeskPrincipal me, ProductId id, UpdateProduct command) {
        var current = writable(me, id);
        var checks = new Validations();
        // The content first: it yields the dimensions only while no other rule has been broken yet.
        var content = ProductRules.content(checks, current.type(), command);
        if (content != null) {
            ProductRules.keepsPricedDimensions(checks, current.publicOffer(), content.dimensions());
        }
        checks.required("version", command.version())
                .check(
                        command.type() == null || command.type() == current.type(),
                        "type",
                        "validation.product.typeImmutable",
                        current.type());
        checks.throwIfInvalid();
        content = Validations.present("product", content);
        var now = clock.instant();
        var version = Validations.present("version", command.version());
        var changed = new Product(
                id,
                current.sellerPartyId(),
                current.type(),
                content.title(),
                content.shortDescription(),
                content.longDescription(),
                current.visibility(),
                content.categories(),
                content.keywords(),
                content.dimensions(),
                content.delivery(),
                current.publicOffer(),
                current.createdAt(),
                now,
                version + 1);
        if (!products.updateContent(changed, version)) {
            throw stale(id, version, current.version());
        }
        events.publishEvent(new ProductUpdated(
                id.value(), current.sellerPartyId(), version + 1, changed.title(), keys(changed), me.actor(), now));
        return loaded(id);
    }

    @Transactional
    public Product setPublicOffer(OfferdeskPrincipal me, ProductId id, PublicOfferInput command) {
        var current = writable(me, id);
        var checks = new Validations();
        var offer = PricingRules.publicOffer(checks, "", current.type(), current.dimensions(), command);
        checks.throwIfInvalid();
        var version = command.version() == null ? current.version() : command.version();
        storeOffer(me.actor(), current, version, Validations.present("publicOffer", offer));
        return loaded(id);
    }

    /** Sets a public offer without a signed-in user (demo data); the product must belong to {@code seller}. */
    @Transactional
    public Product setPublicOffer(Actor actor, java.util.UUID seller, ProductId id, PublicOfferInput command) {
        var current = products.findOwned(id, seller).orElseThrow(() -> notFound(id));
        var checks = new Validations();
        var offer = PricingRules.publicOffer(checks, "", current.type(), current.dimensions(), command);
        checks.throwIfInvalid();
        storeOffer(actor, current, current.version(), Validations.present("publicOffer", offer));
        return loaded(id);
    }

    @Transactional
    public Product changeVisibility(OfferdeskPrincipal me, ProductId id, ChangeVisibility command) {
        var current = writable(me, id);
        var target = command.visibility();
        new Validations()
                .required("visibility", target)
                .check(
                        target == null || current.visibility().canBecome(target),
                        "visibility",
                        "validation.visibility.transition",
                        current.visibility(),
                        target == null ? "" : target)
                .check(
                        target != Visibility.PUBLIC || current.publicOffer() != null,
                        "visibility",
                        "validation.visibility.needsPublicOffer")
                .throwIfInvalid();
        var version = command.version() == null ? current.version() : command.version();
        var now = clock.instant();
        var visibility = Validations.present("visibility", target);
        if (!products.updateVisibility(id, current.sellerPartyId(), version, visibility, now)) {
            throw stale(id, version, current.version());
        }
        events.publishEvent(new ProductVisibilityChanged(
                id.value(),
                current.sellerPartyId(),
                version + 1,
                current.visibility().name(),
                visibility.name(),
                me.actor(),
                now));
        return loaded(id);
    }

    /**
     * Deletes a product that was never made public: a limited product has had no buyers, so nothing refers to it.
     * Public and restricted products stay, as buyers' agreements will name them.
     */
    @Transactional
    public void delete(OfferdeskPrincipal me, ProductId id, @Nullable Long version) {
        var current = writable(me, id);
        new Validations()
                .check(current.visibility() == Visibility.LIMITED, "visibility", "validation.product.deleteLimitedOnly")
                .throwIfInvalid();
        var expected = version == null ? current.version() : version;
        if (!products.deleteLimited(id, current.sellerPartyId(), expected)) {
            throw stale(id, expected, current.version());
        }
        events.publishEvent(
                new ProductDeleted(id.value(), current.sellerPartyId(), current.title(), me.actor(), clock.instant()));
    }

    /**
     * A product the caller may see: their seller's, or any for the operator. One query, so no transaction: a
     * read-only transaction costs more round trips than the read itself on this hot path.
     */
    public Product product(OfferdeskPrincipal me, ProductId id) {
        var found = me.has(Role.OPERATOR_ADMIN) ? products.find(id) : products.findOwned(id, me.partyId());
        return found.orElseThrow(() -> notFound(id));
    }

    /** For other modules: any seller's product, unscoped. Callers apply their own visibility rules. */
    @Transactional(readOnly = true)
    public java.util.Optional<Product> find(ProductId id) {
        return products.find(id);
    }

    /**
     * For other modules' pages and demo data: every product of a seller, newest first, unscoped. Every one, not a
     * page: the resale wizard offers them all to choose from, and a seller's 101st product is as sellable as its first.
     */
    @Transactional(readOnly = true)
    public List<Product> productsOf(java.util.UUID sellerPartyId) {
        return products.list(sellerPartyId, null, null, null, Integer.MAX_VALUE);
    }

    /** The caller's products (every product for the operator), filtered and keyset-paged, newest first. */
    @Transactional(readOnly = true)
    public ProductPage products(OfferdeskPrincipal me, ProductQuery query) {
        var limit = query.limit() == null ? ProductQuery.DEFAULT_LIMIT : query.limit();
        var after = query.after() == null || query.after().isBlank()
                ? null
                : query.after().trim();
        new Validations()
                .check(
                        limit >= 1 && limit <= ProductQuery.MAX_LIMIT,
                        "limit",
                        "validation.limit",
                        ProductQuery.MAX_LIMIT)
                .check(after == null || ProductId.isValid(after), "after", "validation.cursor")
                .throwIfInvalid();
        var afterId = after == null ? null : new ProductId(after);
        // One row more than asked tells whether another page follows without a count query.
        var rows = products.list(
                me.has(Role.OPERATOR_ADMIN) ? null : me.partyId(),
                query.type(),
                query.visibility(),
                afterId,
                limit + 1);
        var items = rows.size() > limit ? rows.subList(0, limit) : rows;
        var next = rows.size() > limit ? items.getLast().id().value() : null;
        return new ProductPage(items, next);
    }

    /** Whether the principal may change the seller's products: its administrators and offer authors. */
    public static boolean mayEdit(OfferdeskPrincipal me, Product product) {
        return ownsProducts(me.partyKind())
                && me.partyId().equals(product.sellerPartyId())
                && (me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR));
    }

    private void storeOffer(Actor actor, Product product, long version, PublicOffer offer) {
        var now = clock.instant();
        if (!products.updatePublicOffer(product.id(), product.sellerPartyId(), version, offer, now)) {
            throw stale(product.id(), version, product.version());
        }
        events.publishEvent(new PublicOfferChanged(
                product.id().value(),
                product.sellerPartyId(),
                version + 1,
                offer.pricingModels().stream().map(Enum::name).toList(),
                offer.prices().size(),
                actor,
                now));
    }

    private Product writable(OfferdeskPrincipal me, ProductId id) {
        var product = product(me, id);
        if (!mayEdit(me, product)) {
            throw new AccessDeniedException("only the seller's administrators and offer authors change products");
        }
        return product;
    }

    private static void requireAuthor(OfferdeskPrincipal me) {
        if (!me.has(Role.ADMIN) && !me.has(Role.OFFER_AUTHOR)) {
            throw new AccessDeniedException("only administrators and offer authors create products");
        }
    }

    private Product loaded(ProductId id) {
        return products.find(id).orElseThrow(() -> notFound(id));
    }

    private ProductId freshId() {
        while (true) {
            var candidate = ProductId.random(random);
            if (!products.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static List<String> keys(Product product) {
        return product.dimensions().stream().map(Dimension::key).toList();
    }

    private static Conflict stale(ProductId id, long given, long stored) {
        return new Conflict("conflict.staleProduct", id.value(), given, stored);
    }

    private static NotFound notFound(ProductId id) {
        return new NotFound("product", id.value());
    }
}
