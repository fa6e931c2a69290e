package io.offerdesk.resale;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.parties.Account;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.resale.events.ResaleAuthorizationCloned;
import io.offerdesk.resale.internal.ResaleAuthorizationRepository;
import io.offerdesk.resale.internal.domain.ResaleChanges;
import io.offerdesk.resale.internal.domain.ResaleDecisions;
import io.offerdesk.resale.internal.domain.ResaleDocuments;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading resale authorizations, and the actions besides change sets. The ISV (manufacturer) reads its own; the
 * channel partner reads those shared with it: released ones whose reseller account it holds, never drafts. Everyone
 * else is told an authorization does not exist.
 */
@Service
public class ResaleAuthorizations {

    public static final int PAGE_MAX = 100;

    /** One page of authorizations, and whether there are more. */
    public record AuthorizationPage(List<ResaleAuthorization> authorizations, boolean more) {
        public AuthorizationPage {
            authorizations = List.copyOf(authorizations);
        }
    }

    private final ResaleAuthorizationRepository authorizations;
    private final CatalogManagement catalog;
    private final PartyManagement parties;
    private final ChangeSets changeSets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    ResaleAuthorizations(
            ResaleAuthorizationRepository authorizations,
            CatalogManagement catalog,
            PartyManagement parties,
            ChangeSets changeSets,
            ApplicationEventPublisher events,
            Clock clock) {
        this.authorizations = authorizations;
        this.catalog = catalog;
        this.parties = parties;
        this.changeSets = changeSets;
        this.events = events;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** One of the ISV's authorizations. */
    @Transactional(readOnly = true)
    public ResaleAuthorization authorization(OfferdeskPrincipal me, String id) {
        return authorizations.find(me.partyId(), id).orElseThrow(() -> new NotFound("resale-authorization", id));
    }

    /** One authorization shared with the partner. */
    @Transactional(readOnly = true)
    public ResaleAuthorization shared(OfferdeskPrincipal me, String id) {
        return authorizations.findShared(me.partyId(), id).orElseThrow(() -> new NotFound("resale-authorization", id));
    }

    /** The ISV's authorizations, most recently changed first. */
    @Transactional(readOnly = true)
    public AuthorizationPage authorizations(
            OfferdeskPrincipal me, ResaleAuthorizationFilter filter, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        var page = authorizations.list(me.partyId(), filter, offset, limit + 1);
        return new AuthorizationPage(page.stream().limit(limit).toList(), page.size() > limit);
    }

    /** The authorizations shared with the partner (ListEntities with {@code OwnershipType=SHARED}). */
    @Transactional(readOnly = true)
    public AuthorizationPage shared(OfferdeskPrincipal me, ResaleAuthorizationFilter filter, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        var page = authorizations.listShared(me.partyId(), filter, offset, limit + 1);
        return new AuthorizationPage(page.stream().limit(limit).toList(), page.size() > limit);
    }

    /**
     * The {@code DescribeEntity} {@code DetailsDocument} of an authorization the party owns or that is shared with it.
     */
    @Transactional(readOnly = true)
    public ObjectNode describe(OfferdeskPrincipal me, String id) {
        var authorization = authorizations
                .find(me.partyId(), id)
                .or(() -> authorizations.findShared(me.partyId(), id))
                .orElseThrow(() -> new NotFound("resale-authorization", id));
        return describe(authorization);
    }

    /** The document of an authorization the caller has already read through an owner predicate. */
    @Transactional(readOnly = true)
    public ObjectNode describe(ResaleAuthorization authorization) {
        var buyers = new HashMap<AccountId, String>();
        for (var account : authorization.buyerAccounts()) {
            parties.findAccount(account)
                    .flatMap(a -> parties.find(a.partyId()))
                    .ifPresent(party -> buyers.put(account, party.name()));
        }
        var manufacturerAccount = parties.accountsOf(authorization.manufacturerPartyId()).stream()
                .filter(account -> account.kind() == Account.Kind.MANAGEMENT)
                .map(Account::id)
                .findFirst()
                .orElse(null);
        var names = new ResaleDocuments.Names(
                productName(authorization.productId()),
                partyName(authorization.manufacturerPartyId()),
                manufacturerAccount,
                partyName(authorization.resellerPartyId()),
                buyers);
        return ResaleDocuments.describe(authorization, names, clock.instant());
    }

    /** The product's title, for lists and pages; the id when the product is gone. */
    @Transactional(readOnly = true)
    public String productName(String productId) {
        return ProductId.parse(productId)
                .flatMap(catalog::find)
                .map(product -> product.title())
                .orElse(productId);
    }

    /** A party's name, for lists and pages. */
    @Transactional(readOnly = true)
    public String partyName(java.util.UUID partyId) {
        return parties.find(partyId).map(Party::name).orElse(partyId.toString());
    }

    /**
     * Copies one of the ISV's authorizations into a new draft with the same content, named "Copy of …": how a released
     * authorization, which cannot change, is changed. Audited as {@link ResaleAuthorizationCloned}.
     */
    @Transactional
    public ResaleAuthorization cloneAuthorization(OfferdeskPrincipal me, String id) {
        if (!me.has(Role.ADMIN) && !me.has(Role.OFFER_AUTHOR)) {
            throw new AccessDeniedException("only authors and administrators clone resale authorizations");
        }
        var source = authorization(me, id);
        var now = clock.instant();
        var copy = ResaleDecisions.cloneOf(
                        source,
                        RandomIds.of(ResaleAuthorization.ID_PREFIX, ResaleAuthorization.ID_RANDOM_LENGTH, random),
                        copyName(source.name()),
                        now)
                .withRevision(1);
        authorizations.save(copy);
        events.publishEvent(
                new ResaleAuthorizationCloned(copy.id(), copy.manufacturerPartyId(), source.id(), me.actor(), now));
        return copy;
    }

    /** Releases a draft: one {@code ReleaseResaleAuthorization} change set. */
    public ChangeSet release(OfferdeskPrincipal me, String id) {
        return start(me, authorization(me, id), "ReleaseResaleAuthorization");
    }

    /** Restricts an active authorization, for good: one {@code RestrictResaleAuthorization} change set. */
    public ChangeSet restrict(OfferdeskPrincipal me, String id) {
        return start(me, authorization(me, id), "RestrictResaleAuthorization");
    }

    private ChangeSet start(OfferdeskPrincipal me, ResaleAuthorization authorization, String changeType) {
        var change = new RequestedChange(
                changeType,
                ResaleAuthorization.ENTITY_TYPE,
                authorization.id(),
                null,
                JsonNodeFactory.instance.objectNode());
        return changeSets.start(me, new StartChangeSet(List.of(change), null, null, null));
    }

    private static String copyName(String name) {
        var copy = "Copy of " + name;
        return copy.length() <= ResaleChanges.NAME_MAX ? copy : copy.substring(0, ResaleChanges.NAME_MAX);
    }
}
