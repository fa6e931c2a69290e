package io.offerdesk.resale.internal;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.changesets.ChangeHandler;
import io.offerdesk.changesets.ChangeRejected;
import io.offerdesk.changesets.ChangeSession;
import io.offerdesk.changesets.ChangeSetContext;
import io.offerdesk.changesets.ChangedEntities;
import io.offerdesk.changesets.ResolvedChange;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationStatus;
import io.offerdesk.resale.events.ResaleAuthorizationCreated;
import io.offerdesk.resale.events.ResaleAuthorizationEvent;
import io.offerdesk.resale.events.ResaleAuthorizationReleased;
import io.offerdesk.resale.events.ResaleAuthorizationRestricted;
import io.offerdesk.resale.events.ResaleAuthorizationUpdated;
import io.offerdesk.resale.internal.domain.Decision;
import io.offerdesk.resale.internal.domain.ProductFacts;
import io.offerdesk.resale.internal.domain.ResaleChange;
import io.offerdesk.resale.internal.domain.ResaleChanges;
import io.offerdesk.resale.internal.domain.ResaleContext;
import io.offerdesk.resale.internal.domain.ResaleContext.ResellerAccount;
import io.offerdesk.resale.internal.domain.ResaleDecisions;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies resale authorization changes for the change-set engine: load each authorization once, decide every change
 * purely with {@link ResaleDecisions}, then store each one once with a new revision and its events.
 */
@Component
class ResaleChangeHandler implements ChangeHandler {

    private final ResaleAuthorizationRepository authorizations;
    private final CatalogManagement catalog;
    private final StandardContractManagement contracts;
    private final PartyManagement parties;
    private final ApplicationEventPublisher events;
    private final RandomGenerator random = new SecureRandom();

    ResaleChangeHandler(
            ResaleAuthorizationRepository authorizations,
            CatalogManagement catalog,
            StandardContractManagement contracts,
            PartyManagement parties,
            ApplicationEventPublisher events) {
        this.authorizations = authorizations;
        this.catalog = catalog;
        this.contracts = contracts;
        this.parties = parties;
        this.events = events;
    }

    @Override
    public String entityType() {
        return ResaleAuthorization.ENTITY_TYPE;
    }

    @Override
    public Set<String> changeTypes() {
        return ResaleChanges.CHANGE_TYPES;
    }

    @Override
    public Set<String> creatingChangeTypes() {
        return Set.of(ResaleChanges.CREATE);
    }

    @Override
    public void checkShape(String changeType, JsonNode details, String path, Validations checks) {
        ResaleChanges.parse(changeType, details, path, checks);
    }

    @Override
    public long revisionOf(UUID ownerPartyId, String entityId) {
        return authorizations
                .revision(ownerPartyId, entityId)
                .orElseThrow(() -> new NotFound("resale-authorization", entityId));
    }

    @Override
    public ChangeSession open(ChangeSetContext context) {
        return new Session(context);
    }

    String freshId() {
        return RandomIds.of(ResaleAuthorization.ID_PREFIX, ResaleAuthorization.ID_RANDOM_LENGTH, random);
    }

    /** The product if it is one of the ISV's. */
    @Nullable
    ProductFacts product(UUID owner, String productId) {
        return ProductId.parse(productId)
                .flatMap(catalog::find)
                .filter(p -> p.sellerPartyId().equals(owner))
                .map(ProductFacts::of)
                .orElse(null);
    }

    /** The authorizations of one change set, held in memory until {@link #finish}. */
    private final class Session implements ChangeSession {

        private final ChangeSetContext context;
        private final ChangedEntities<String, ResaleAuthorization> changed = new ChangedEntities<>();
        private final List<ResaleAuthorizationEvent> pending = new ArrayList<>();

        Session(ChangeSetContext context) {
            this.context = context;
        }

        @Override
        public String apply(ResolvedChange change) {
            var checks = new Validations();
            var parsed = ResaleChanges.parse(change.changeType(), change.details(), "DetailsDocument", checks);
            if (parsed == null || !checks.isValid()) {
                // Only a resolved reference can differ from what was checked at the start.
                throw new ChangeRejected("INVALID_INPUT", "DetailsDocument: " + checks);
            }
            var current = change.entityId() == null ? null : current(change.entityId());
            var productId = current != null ? current.productId() : ((ResaleChange.Create) parsed).productId();
            var reseller = parsed instanceof ResaleChange.Create create
                    ? parties.findAccount(create.resellerAccountId())
                            .flatMap(account -> parties.find(account.partyId())
                                    .map(Party::kind)
                                    .map(kind -> new ResellerAccount(account, kind)))
                            .orElse(null)
                    : null;
            var decision = ResaleDecisions.decide(
                    current,
                    parsed,
                    new ResaleContext(
                            context.now(),
                            context.ownerPartyId(),
                            product(context.ownerPartyId(), productId),
                            reseller,
                            parsed instanceof ResaleChange.UpdateLegalTerms ? contracts.versions() : Set.of(),
                            ResaleChangeHandler.this::freshId));
            return switch (decision) {
                case Decision.Rejected rejected -> throw new ChangeRejected(rejected.errors());
                case Decision.Accepted accepted -> {
                    var next = accepted.next();
                    changed.record(next.id(), current, next, change.changeType());
                    yield next.id();
                }
            };
        }

        @Override
        public Map<String, Long> finish() {
            var revisions = new HashMap<String, Long>();
            changed.forEach((id, previous, latest, changeTypes) -> {
                var authorization = latest.withRevision(previous == null ? 1 : previous.revision() + 1);
                authorizations.save(authorization);
                pending.addAll(events(previous, authorization, changeTypes));
                revisions.put(id, authorization.revision());
            });
            return revisions;
        }

        @Override
        public void publish() {
            pending.forEach(events::publishEvent);
        }

        private List<ResaleAuthorizationEvent> events(
                @Nullable ResaleAuthorization previous, ResaleAuthorization authorization, List<String> changeTypes) {
            var now = context.now();
            var actor = context.actor();
            var id = authorization.id();
            var owner = authorization.manufacturerPartyId();
            var happened = new ArrayList<ResaleAuthorizationEvent>();
            happened.add(
                    previous == null
                            ? new ResaleAuthorizationCreated(
                                    id,
                                    owner,
                                    authorization.productId(),
                                    authorization.resellerAccountId().value(),
                                    changeTypes,
                                    context.changeSetId(),
                                    actor,
                                    now)
                            : new ResaleAuthorizationUpdated(
                                    id,
                                    owner,
                                    authorization.revision(),
                                    changeTypes,
                                    context.changeSetId(),
                                    actor,
                                    now));
            var was = previous == null ? ResaleAuthorizationStatus.DRAFT : previous.status();
            if (was == ResaleAuthorizationStatus.DRAFT && authorization.status() != ResaleAuthorizationStatus.DRAFT) {
                happened.add(new ResaleAuthorizationReleased(
                        id, owner, authorization.resellerPartyId(), authorization.productId(), actor, now));
            }
            if (was != ResaleAuthorizationStatus.RESTRICTED
                    && authorization.status() == ResaleAuthorizationStatus.RESTRICTED) {
                happened.add(new ResaleAuthorizationRestricted(id, owner, authorization.resellerPartyId(), actor, now));
            }
            return happened;
        }

        private ResaleAuthorization current(String entityId) {
            var held = changed.latest(entityId);
            if (held != null) {
                return held;
            }
            return authorizations
                    .find(context.ownerPartyId(), entityId)
                    .orElseThrow(() -> new ChangeRejected(
                            "RESOURCE_NOT_FOUND", "ResaleAuthorization " + entityId + " not found."));
        }
    }
}
