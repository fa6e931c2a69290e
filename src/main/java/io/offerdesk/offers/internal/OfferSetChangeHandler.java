package io.offerdesk.offers.internal;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.changesets.ChangeHandler;
import io.offerdesk.changesets.ChangeRejected;
import io.offerdesk.changesets.ChangeSession;
import io.offerdesk.changesets.ChangeSetContext;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.ChangedEntities;
import io.offerdesk.changesets.ResolvedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferSet;
import io.offerdesk.offers.OfferSetId;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.events.OfferSetChanged;
import io.offerdesk.offers.events.OfferUpdated;
import io.offerdesk.offers.internal.domain.OfferSetChange;
import io.offerdesk.offers.internal.domain.OfferSetChanges;
import io.offerdesk.offers.internal.domain.OfferSetDecisions;
import io.offerdesk.offers.internal.domain.OfferSetDecisions.Outcome;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Applies offer set changes for the change-set engine: decide each change purely with {@link OfferSetDecisions}, store
 * the offers whose membership changed, and release a set's offers through the offers' own handler, so that releasing
 * them in a set checks every rule {@code ReleaseOffer} checks.
 *
 * <p>An offer's membership and its other changes go in separate change sets: the offers' handler holds the offers it
 * changes until the change set ends, so a membership written beside them would be overwritten.
 */
@Component
class OfferSetChangeHandler implements ChangeHandler {

    private static final JsonNode NO_DETAILS = JsonNodeFactory.instance.objectNode();

    private final OfferSetRepository sets;
    private final OfferRepository offers;
    private final OfferChangeHandler offerChanges;
    /** Lazily: the change-set engine is built from every handler, this one included. */
    private final ObjectProvider<ChangeSets> changeSets;

    private final ApplicationEventPublisher events;
    private final RandomGenerator random = new SecureRandom();

    OfferSetChangeHandler(
            OfferSetRepository sets,
            OfferRepository offers,
            OfferChangeHandler offerChanges,
            ObjectProvider<ChangeSets> changeSets,
            ApplicationEventPublisher events) {
        this.sets = sets;
        this.offers = offers;
        this.offerChanges = offerChanges;
        this.changeSets = changeSets;
        this.events = events;
    }

    @Override
    public String entityType() {
        return OfferSet.ENTITY_TYPE;
    }

    @Override
    public Set<String> changeTypes() {
        return OfferSetChanges.CHANGE_TYPES;
    }

    @Override
    public Set<String> creatingChangeTypes() {
        return Set.of(OfferSetChanges.CREATE_OFFER_SET);
    }

    @Override
    public void checkShape(String changeType, JsonNode details, String path, Validations checks) {
        OfferSetChanges.parse(changeType, details, path, checks);
    }

    @Override
    public long revisionOf(UUID ownerPartyId, String entityId) {
        return OfferSetId.parse(entityId)
                .flatMap(id -> sets.find(ownerPartyId, id))
                .map(OfferSet::revision)
                .orElseThrow(() -> new NotFound("offer-set", entityId));
    }

    @Override
    public ChangeSession open(ChangeSetContext context) {
        return new Session(context);
    }

    /** The sets of one change set, held in memory until {@link #finish}; their offers are written as they change. */
    private final class Session implements ChangeSession {

        private final ChangeSetContext context;
        private final ChangedEntities<OfferSetId, OfferSet> changed = new ChangedEntities<>();
        private final List<ChangeSession> releases = new ArrayList<>();
        private final List<OfferUpdated> memberships = new ArrayList<>();
        private final List<OfferSetChanged> pending = new ArrayList<>();
        private @Nullable Set<String> offersChangedHere;

        Session(ChangeSetContext context) {
            this.context = context;
        }

        @Override
        public String apply(ResolvedChange change) {
            var checks = new Validations();
            var parsed = OfferSetChanges.parse(change.changeType(), change.details(), "DetailsDocument", checks);
            if (parsed == null || !checks.isValid()) {
                throw new ChangeRejected("INVALID_INPUT", "DetailsDocument: " + checks);
            }
            var current = change.entityId() == null ? null : current(change.entityId());
            var involved = new ArrayList<String>();
            if (current != null) {
                current.offerIds().forEach(id -> involved.add(id.value()));
            }
            switch (parsed) {
                case OfferSetChange.AssociateOffers associate -> involved.addAll(associate.offerIds());
                case OfferSetChange.DisassociateOffers disassociate -> involved.addAll(disassociate.offerIds());
                default -> {}
            }
            var loaded = new HashMap<String, Offer>();
            for (var id : involved) {
                if (offersChangedHere().contains(id)) {
                    throw new ChangeRejected(
                            "INVALID_UPDATE_REQUEST",
                            "Offer " + id + " is changed by another change of this change set. Change an offer and"
                                    + " its offer set in separate change sets.");
                }
                OfferId.parse(id)
                        .flatMap(offerId -> offers.find(context.ownerPartyId(), offerId))
                        .ifPresent(offer -> loaded.put(id, offer));
            }
            var decision = OfferSetDecisions.decide(
                    current,
                    parsed,
                    new OfferSetDecisions.Context(
                            context.now(), context.ownerPartyId(), () -> OfferSetId.fresh(random), loaded));
            return switch (decision) {
                case Outcome.Rejected rejected -> throw new ChangeRejected(rejected.errors());
                case Outcome.Accepted accepted -> {
                    var next = accepted.next().modifiedAt(context.now());
                    if (parsed instanceof OfferSetChange.ReleaseOfferSet) {
                        release(accepted.offers());
                    } else {
                        accepted.offers().forEach(offer -> storeMembership(offer, change.changeType()));
                    }
                    changed.record(next.id(), current, next, change.changeType());
                    yield next.id().value();
                }
            };
        }

        @Override
        public Map<String, Long> finish() {
            var revisions = new HashMap<String, Long>();
            changed.forEach((id, previous, latest, changeTypes) -> {
                var set = latest.withRevision(previous == null ? 1 : previous.revision() + 1);
                sets.save(set);
                revisions.put(id.value(), set.revision());
                pending.add(new OfferSetChanged(
                        id.value(),
                        set.ownerPartyId(),
                        set.revision(),
                        set.offerIds().stream().map(OfferId::value).toList(),
                        set.state() == OfferState.RELEASED,
                        changeTypes,
                        context.changeSetId(),
                        context.actor(),
                        context.now()));
            });
            return revisions;
        }

        @Override
        public void publish() {
            releases.forEach(ChangeSession::publish);
            memberships.forEach(events::publishEvent);
            pending.forEach(events::publishEvent);
        }

        /** An offer joined or left the set: a new revision of it, written now so later changes read it. */
        private void storeMembership(Offer offer, String changeType) {
            var stored = offer.withRevision(offer.revision() + 1).modifiedAt(context.now());
            offers.save(stored, offers.expiryAnnounced(stored.id()));
            offers.insertRevision(
                    stored,
                    context.changeSetId(),
                    List.of(changeType),
                    context.actor().name(),
                    context.now());
            memberships.add(new OfferUpdated(
                    stored.id().value(),
                    stored.sellerPartyId(),
                    stored.revision(),
                    List.of(changeType),
                    context.changeSetId(),
                    context.actor(),
                    context.now()));
        }

        /** Releases the set's offers as {@code ReleaseOffer} would, each refusal naming its offer. */
        private void release(List<Offer> members) {
            var session = offerChanges.openReleasingSet(context);
            for (var offer : members) {
                var id = offer.id().value();
                try {
                    session.apply(new ResolvedChange("ReleaseOffer", null, id, NO_DETAILS));
                } catch (ChangeRejected rejected) {
                    throw new ChangeRejected(rejected.errors().stream()
                            .map(e -> new ChangeError(e.code(), "Offer " + id + ": " + e.message()))
                            .toList());
                }
            }
            session.finish();
            releases.add(session);
        }

        private OfferSet current(String entityId) {
            var id = OfferSetId.parse(entityId)
                    .orElseThrow(
                            () -> new ChangeRejected("RESOURCE_NOT_FOUND", "Offer set " + entityId + " not found."));
            var held = changed.latest(id);
            if (held != null) {
                return held;
            }
            return sets.find(context.ownerPartyId(), id)
                    .orElseThrow(
                            () -> new ChangeRejected("RESOURCE_NOT_FOUND", "Offer set " + entityId + " not found."));
        }

        /** The offers that the change set's offer changes name. */
        private Set<String> offersChangedHere() {
            var known = offersChangedHere;
            if (known == null) {
                known = new HashSet<>();
                for (var change : changeSets
                        .getObject()
                        .describe(context.ownerPartyId(), context.changeSetId())
                        .changes()) {
                    var identifier = change.entityIdentifier();
                    if (Offer.ENTITY_TYPE.equals(change.entityType()) && identifier != null) {
                        known.add(identifier.replaceFirst("@\\d+$", ""));
                    }
                }
                offersChangedHere = known;
            }
            return known;
        }
    }
}
