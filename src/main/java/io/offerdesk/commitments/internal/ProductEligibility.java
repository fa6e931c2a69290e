package io.offerdesk.commitments.internal;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.ProductQuery;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.commitments.events.ProductEligibilityChanged;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's flag that says whether spend on a product retires buyers' commitments. Every product is eligible
 * until the operator says otherwise (ADR 0024); invoices count by the flag as it stood when they were issued.
 */
@Service
public class ProductEligibility {

    public static final int NOTE_MAX = 500;

    /** A product with its flag; {@code changedBy} absent while it has the default. */
    public record Entry(
            Product product,
            boolean eligible,
            @Nullable String note,
            java.time.@Nullable Instant changedAt,
            @Nullable String changedBy) {}

    /** A page of the catalog with the flags, and the cursor of the next page. */
    public record Page(List<Entry> entries, @Nullable String next) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    private final EligibilityRepository repository;
    private final CatalogManagement catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProductEligibility(
            EligibilityRepository repository,
            CatalogManagement catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page page(OfferdeskPrincipal me, @Nullable String after, @Nullable Integer limit) {
        requireOperator(me);
        var products = catalog.products(me, new ProductQuery(null, null, after, limit));
        var flags = repository.flags(
                products.items().stream().map(p -> p.id().value()).toList());
        return new Page(
                products.items().stream()
                        .map(p -> {
                            var flag = flags.get(p.id().value());
                            return flag == null
                                    ? new Entry(p, true, null, null, null)
                                    : new Entry(p, flag.eligible(), flag.note(), flag.changedAt(), flag.changedBy());
                        })
                        .toList(),
                products.next());
    }

    @Transactional(readOnly = true)
    public Entry entry(OfferdeskPrincipal me, String productId) {
        requireOperator(me);
        var product = product(productId);
        var flag = repository.flags(List.of(productId)).get(productId);
        return flag == null
                ? new Entry(product, true, null, null, null)
                : new Entry(product, flag.eligible(), flag.note(), flag.changedAt(), flag.changedBy());
    }

    @Transactional
    public Entry set(OfferdeskPrincipal me, String productId, @Nullable Boolean eligible, @Nullable String note) {
        requireOperator(me);
        var product = product(productId);
        var text = note == null || note.isBlank() ? null : note.strip();
        new Validations()
                .required("eligible", eligible)
                .maxLength("note", text, NOTE_MAX)
                .throwIfInvalid();
        var now = clock.instant();
        repository.set(
                productId,
                Validations.present("eligible", eligible),
                text,
                now,
                me.actor().name());
        events.publishEvent(new ProductEligibilityChanged(
                productId, product.sellerPartyId(), Boolean.TRUE.equals(eligible), text, me.actor(), now));
        return entry(me, productId);
    }

    private Product product(String productId) {
        return (ProductId.isValid(productId)
                        ? catalog.find(new ProductId(productId))
                        : java.util.Optional.<Product>empty())
                .orElseThrow(() -> new NotFound("product", productId));
    }

    private static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("the marketplace operator sets product eligibility");
        }
    }
}
