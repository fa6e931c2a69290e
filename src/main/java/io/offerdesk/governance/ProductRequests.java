package io.offerdesk.governance;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.governance.events.ProductRequestDecided;
import io.offerdesk.governance.events.ProductRequested;
import io.offerdesk.governance.internal.ProductRequestRepository;
import io.offerdesk.governance.internal.domain.ExperienceChanges;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
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
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Product requests: a user of a governed account asks for a product its private marketplace does not allow, with a
 * justification; the organization's private-marketplace administrators approve (the product is then allowed in the
 * governing experience by an {@code AllowProductProcurement} change set, the same path as any other) or decline with
 * a comment. Other organizations' requests do not exist for anyone.
 */
@Service
public class ProductRequests {

    public static final int PAGE_MAX = 100;

    /**
     * What a user asks for.
     *
     * @param accountId the governed account the user would buy for
     */
    public record Ask(
            @Nullable String accountId,
            @Nullable String productId,
            @Nullable String justification) {}

    private final ProductRequestRepository requests;
    private final PrivateMarketplace privateMarketplace;
    private final Experiences experiences;
    private final CatalogManagement catalog;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    ProductRequests(
            ProductRequestRepository requests,
            PrivateMarketplace privateMarketplace,
            Experiences experiences,
            CatalogManagement catalog,
            UserManagement users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.privateMarketplace = privateMarketplace;
        this.experiences = experiences;
        this.catalog = catalog;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks the administrators to allow a product for one of the user's accounts.
     *
     * @throws InvalidInput when the account is not the user's, the product does not exist, the account may buy it
     *     already, or the governing experience's procurement policy does not accept requests
     * @throws Conflict when a request for the product and account is already pending
     */
    @Transactional
    public ProductRequest request(OfferdeskPrincipal me, Ask ask) {
        if (me.partyKind() != PartyKind.BUYER || !(me.has(Role.PROCUREMENT) || me.has(Role.MARKETPLACE_ADMIN))) {
            throw new AccessDeniedException("procurement users request products");
        }
        var checks = new Validations()
                .required("accountId", ask.accountId())
                .required("productId", ask.productId())
                .text("justification", ask.justification(), ProductRequest.JUSTIFICATION_MAX);
        var accountId = ask.accountId();
        var mine = accountId != null
                && AccountId.isValid(accountId)
                && users.accountsOf(me).contains(new AccountId(accountId));
        checks.check(accountId == null || mine, "accountId", "governance.notYourAccount", String.valueOf(accountId));
        var asked = ask.productId();
        var product = asked == null
                ? null
                : ProductId.parse(asked).flatMap(catalog::find).orElse(null);
        checks.check(asked == null || product != null, "productId", "governance.unknownProduct", String.valueOf(asked));
        checks.throwIfInvalid();
        var account = new AccountId(Validations.present("accountId", accountId));
        var productId = Validations.present("productId", asked);
        var verdict = privateMarketplace.verdict(account, productId);
        if (!verdict.governed()) {
            throw new InvalidInput("productId", "governance.notGoverned", account.value());
        }
        if (verdict.allowed()) {
            throw new InvalidInput("productId", "governance.alreadyAllowed", productId);
        }
        if (!verdict.requestsAccepted()) {
            throw new InvalidInput("productId", "governance.requestsNotAccepted");
        }
        var now = clock.instant();
        var request = new ProductRequest(
                RandomIds.of(ProductRequest.ID_PREFIX, ProductRequest.ID_RANDOM_LENGTH, random),
                me.partyId(),
                account.value(),
                productId,
                verdict.experienceIds().getFirst(),
                Validations.present("justification", ask.justification()).strip(),
                ProductRequest.Status.PENDING,
                me.userId(),
                me.actor().name(),
                now,
                null,
                null,
                null,
                null);
        if (!requests.insert(request)) {
            throw new Conflict("governance.requestPending", productId, account.value());
        }
        events.publishEvent(new ProductRequested(
                request.id(),
                me.partyId(),
                account.value(),
                request.productId(),
                request.experienceId(),
                me.actor(),
                now));
        return request;
    }

    /** The organization's requests for its administrators; a user's own requests for anyone else of the buyer. */
    @Transactional(readOnly = true)
    public List<ProductRequest> requests(
            OfferdeskPrincipal me, ProductRequest.@Nullable Status status, boolean mineOnly, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        if (me.partyKind() != PartyKind.BUYER) {
            return List.of();
        }
        var onlyMine = mineOnly || !me.has(Role.MARKETPLACE_ADMIN);
        return requests.list(me.partyId(), onlyMine ? me.userId() : null, status, offset, limit);
    }

    @Transactional(readOnly = true)
    public ProductRequest request(OfferdeskPrincipal me, String id) {
        return requests.find(me.partyId(), id)
                .filter(r -> me.partyKind() == PartyKind.BUYER)
                .filter(r -> me.has(Role.MARKETPLACE_ADMIN) || r.requestedBy().equals(me.userId()))
                .orElseThrow(() -> new NotFound("product-request", id));
    }

    /**
     * Approves a pending request: starts the change set that allows the product in the experience that governed the
     * account when the user asked. The caller may wait for it to finish.
     */
    @Transactional
    public ProductRequest approve(OfferdeskPrincipal me, String id, @Nullable String comment) {
        var request = pending(me, id, comment);
        var details = JsonNodeFactory.instance.objectNode();
        var product = details.putArray("Products").addObject();
        product.putArray("Ids").add(request.productId());
        product.put("Notes", comment == null || comment.isBlank() ? "Approved request " + id : comment.strip());
        ChangeSet started = experiences.change(me, request.experienceId(), ExperienceChanges.ALLOW, details);
        return decide(me, request, ProductRequest.Status.APPROVED, comment, started.id());
    }

    @Transactional
    public ProductRequest decline(OfferdeskPrincipal me, String id, @Nullable String comment) {
        return decide(me, pending(me, id, comment), ProductRequest.Status.DECLINED, comment, null);
    }

    private ProductRequest pending(OfferdeskPrincipal me, String id, @Nullable String comment) {
        var request = request(me, id);
        if (!me.has(Role.MARKETPLACE_ADMIN)) {
            throw new AccessDeniedException("private-marketplace administrators decide product requests");
        }
        new Validations()
                .maxLength("comment", comment, ProductRequest.COMMENT_MAX)
                .throwIfInvalid();
        if (request.status() != ProductRequest.Status.PENDING) {
            throw new Conflict("governance.requestDecided", id, request.status().name());
        }
        return request;
    }

    private ProductRequest decide(
            OfferdeskPrincipal me,
            ProductRequest request,
            ProductRequest.Status status,
            @Nullable String comment,
            @Nullable String changeSetId) {
        var now = clock.instant();
        var note = comment == null || comment.isBlank() ? null : comment.strip();
        if (!requests.decide(me.partyId(), request.id(), status, me.actor().name(), now, note, changeSetId)) {
            throw new Conflict(
                    "governance.requestDecided", request.id(), request.status().name());
        }
        events.publishEvent(new ProductRequestDecided(
                request.id(),
                me.partyId(),
                request.productId(),
                request.requestedBy(),
                status == ProductRequest.Status.APPROVED,
                me.actor(),
                now));
        return request(me, request.id());
    }
}
