package io.offerdesk.offers.internal;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.changesets.ChangeHandler;
import io.offerdesk.changesets.ChangeRejected;
import io.offerdesk.changesets.ChangeSession;
import io.offerdesk.changesets.ChangeSetContext;
import io.offerdesk.changesets.ChangedEntities;
import io.offerdesk.changesets.ResolvedChange;
import io.offerdesk.offers.EulaDocuments;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.ReleaseApprovals;
import io.offerdesk.offers.ReplaceableAgreements;
import io.offerdesk.offers.ReplaceableAgreements.AgreementFacts;
import io.offerdesk.offers.ResaleAuthorizationSource;
import io.offerdesk.offers.ResaleAuthorizationSource.AuthorizationFacts;
import io.offerdesk.offers.events.OfferCreated;
import io.offerdesk.offers.events.OfferEvent;
import io.offerdesk.offers.events.OfferExpired;
import io.offerdesk.offers.events.OfferReleased;
import io.offerdesk.offers.events.OfferUpdated;
import io.offerdesk.offers.internal.domain.Decision;
import io.offerdesk.offers.internal.domain.OfferChange;
import io.offerdesk.offers.internal.domain.OfferChanges;
import io.offerdesk.offers.internal.domain.OfferContext;
import io.offerdesk.offers.internal.domain.OfferDecisions;
import io.offerdesk.offers.internal.domain.OfferLimits;
import io.offerdesk.offers.internal.domain.ProductFacts;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies offer changes for the change-set engine: load each offer once, decide every change purely with {@link
 * OfferDecisions}, then store each offer once with a new revision, its history entry and its events.
 */
@Component
@EnableConfigurationProperties(OfferSettings.class)
class OfferChangeHandler implements ChangeHandler {

    private final OfferRepository offers;
    private final CatalogManagement catalog;
    private final StandardContractManagement contracts;
    private final EulaDocuments documents;
    private final ReplaceableAgreements agreements;
    private final ResaleAuthorizationSource resaleAuthorizations;
    private final ObjectProvider<ReleaseApprovals> releaseApprovals;
    private final ApplicationEventPublisher events;
    private final OfferLimits limits;
    private final RandomGenerator random = new SecureRandom();

    OfferChangeHandler(
            OfferRepository offers,
            CatalogManagement catalog,
            StandardContractManagement contracts,
            EulaDocuments documents,
            ReplaceableAgreements agreements,
            ResaleAuthorizationSource resaleAuthorizations,
            ObjectProvider<ReleaseApprovals> releaseApprovals,
            ApplicationEventPublisher events,
            OfferSettings settings) {
        this.offers = offers;
        this.catalog = catalog;
        this.contracts = contracts;
        this.documents = documents;
        this.agreements = agreements;
        this.resaleAuthorizations = resaleAuthorizations;
        this.releaseApprovals = releaseApprovals;
        this.events = events;
        this.limits = settings.limits();
    }

    @Override
    public String entityType() {
        return Offer.ENTITY_TYPE;
    }

    @Override
    public Set<String> changeTypes() {
        return OfferChanges.CHANGE_TYPES;
    }

    @Override
    public Set<String> creatingChangeTypes() {
        return Set.of(
                OfferChanges.CREATE_OFFER,
                OfferChanges.CREATE_REPLACEMENT_OFFER,
                OfferChanges.CREATE_OFFER_USING_RESALE_AUTHORIZATION,
                OfferChanges.CREATE_REPLACEMENT_OFFER_USING_RESALE_AUTHORIZATION);
    }

    @Override
    public void checkShape(String changeType, JsonNode details, String path, Validations checks) {
        OfferChanges.parse(changeType, details, path, checks);
    }

    @Override
    public long revisionOf(UUID ownerPartyId, String entityId) {
        return offers.revision(ownerPartyId, entityId).orElseThrow(() -> new NotFound("offer", entityId));
    }

    @Override
    public ChangeSession open(ChangeSetContext context) {
        return new Session(context, false);
    }

    /** A session for {@code ReleaseOfferSet}, the one change that may release offers belonging to a set. */
    ChangeSession openReleasingSet(ChangeSetContext context) {
        return new Session(context, true);
    }

    /** The offers of one change set, held in memory until {@link #finish}. */
    private final class Session implements ChangeSession {

        private final ChangeSetContext context;
        private final boolean releasingSet;
        private final ChangedEntities<OfferId, Offer> changed = new ChangedEntities<>();
        private final Map<String, ProductFacts> products = new HashMap<>();
        private final Map<String, Boolean> publicOffers = new HashMap<>();
        private final List<OfferEvent> pending = new ArrayList<>();
        /**
         * Read once per change set, not kept across them: the operator may publish a version on another node, and an
         * event reaches only the node that published it (ADR 0043).
         */
        private @Nullable Set<String> standardVersions;

        Session(ChangeSetContext context, boolean releasingSet) {
            this.context = context;
            this.releasingSet = releasingSet;
        }

        @Override
        public String apply(ResolvedChange change) {
            var checks = new Validations();
            var parsed = OfferChanges.parse(change.changeType(), change.details(), "DetailsDocument", checks);
            if (parsed == null || !checks.isValid()) {
                // Only a resolved reference can differ from what was checked at the start, e.g. a product id that
                // named a change creating something else.
                throw new ChangeRejected("INVALID_INPUT", "DetailsDocument: " + checks);
            }
            var current = change.entityId() == null ? null : current(change.entityId());
            var changedBefore = current != null && changed.latest(current.id()) != null;
            if (current != null
                    && current.offerSetId() != null
                    && parsed instanceof OfferChange.ReleaseOffer
                    && !releasingSet) {
                // The buyer accepts a set whole, so its offers are released together by the set.
                throw new ChangeRejected(
                        "INVALID_UPDATE_REQUEST",
                        "Offer " + current.id().value() + " belongs to offer set " + current.offerSetId()
                                + "; release the set with ReleaseOfferSet, which releases its offers together.");
            }
            var replaced = replacedAgreement(current, parsed);
            var authorization = resaleAuthorization(current, parsed);
            var productId = current != null ? current.productId() : productIdOf(parsed, replaced, authorization);
            var product = product(productId, productOwner(current, parsed, authorization));
            var decision = OfferDecisions.decide(
                    current,
                    parsed,
                    context(product, current).replacing(replaced).resale(authorization));
            return switch (decision) {
                case Decision.Rejected rejected -> throw new ChangeRejected(rejected.errors());
                case Decision.Accepted accepted -> {
                    if (parsed instanceof OfferChange.ReleaseOffer && current != null) {
                        checkApprovals(current, changedBefore);
                    }
                    var next = accepted.next().modifiedAt(context.now());
                    if (current == null && authorization != null) {
                        claim(authorization, next);
                    }
                    changed.record(next.id(), current, next, change.changeType());
                    yield next.id().value();
                }
            };
        }

        @Override
        public Map<String, Long> finish() {
            var revisions = new HashMap<String, Long>();
            var now = context.now();
            changed.forEach((id, previous, latest, changeTypes) -> {
                var offer = latest.withRevision(previous == null ? 1 : previous.revision() + 1);
                var expiredNow = offer.state() == OfferState.RELEASED && offer.isExpired(now);
                // A past expiry set on a released offer cancels it: it is announced now rather than at the next tick,
                // and an expiry moved into the future makes the offer active again, to be announced anew.
                var announce = expiredNow && (previous == null || !offers.expiryAnnounced(id));
                offers.save(offer, expiredNow);
                offers.insertRevision(
                        offer,
                        context.changeSetId(),
                        changeTypes,
                        context.actor().name(),
                        now);
                pending.addAll(events(previous, offer, changeTypes, announce));
                revisions.put(id.value(), offer.revision());
            });
            return revisions;
        }

        @Override
        public void publish() {
            pending.forEach(events::publishEvent);
        }

        /** What a change set did to one offer: created or updated it, released it, expired it. */
        private List<OfferEvent> events(
                @Nullable Offer previous, Offer offer, List<String> changeTypes, boolean announceExpiry) {
            var now = context.now();
            var actor = context.actor();
            var id = offer.id().value();
            var happened = new ArrayList<OfferEvent>();
            happened.add(
                    previous == null
                            ? new OfferCreated(
                                    id,
                                    offer.sellerPartyId(),
                                    offer.productId(),
                                    changeTypes,
                                    context.changeSetId(),
                                    actor,
                                    now)
                            : new OfferUpdated(
                                    id,
                                    offer.sellerPartyId(),
                                    offer.revision(),
                                    changeTypes,
                                    context.changeSetId(),
                                    actor,
                                    now));
            if (offer.state() == OfferState.RELEASED && (previous == null || previous.state() == OfferState.DRAFT)) {
                happened.add(new OfferReleased(
                        id,
                        offer.sellerPartyId(),
                        offer.productId(),
                        offer.buyerAccounts().stream().map(AccountId::value).toList(),
                        offer.expiresAt(),
                        actor,
                        now));
            }
            if (announceExpiry) {
                happened.add(new OfferExpired(
                        id,
                        offer.sellerPartyId(),
                        offer.productId(),
                        java.util.Objects.requireNonNull(offer.expiresAt()),
                        actor,
                        now));
            }
            return happened;
        }

        private Offer current(String entityId) {
            var id = OfferId.parse(entityId)
                    .orElseThrow(() -> new ChangeRejected("RESOURCE_NOT_FOUND", "Offer " + entityId + " not found."));
            var held = changed.latest(id);
            if (held != null) {
                return held;
            }
            return offers.find(context.ownerPartyId(), id)
                    .orElseThrow(() -> new ChangeRejected("RESOURCE_NOT_FOUND", "Offer " + entityId + " not found."));
        }

        /** Every {@link ReleaseApprovals} must agree before a draft is released; the first refusal rejects it. */
        private void checkApprovals(Offer draft, boolean changedBefore) {
            releaseApprovals
                    .orderedStream()
                    .map(approvals -> approvals.refusal(draft, changedBefore))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .ifPresent(reason -> {
                        throw new ChangeRejected(
                                "APPROVAL_REQUIRED",
                                "ReleaseOffer: offer " + draft.id().value() + " cannot be released yet: " + reason);
                    });
        }

        private String productIdOf(
                OfferChange parsed, @Nullable AgreementFacts replaced, @Nullable AuthorizationFacts authorization) {
            return switch (parsed) {
                case OfferChange.CreateOffer create -> create.productId();
                case OfferChange.CreateReplacementOffer create ->
                    replaced(create.agreementId(), replaced).productId();
                case OfferChange.CreateOfferUsingResaleAuthorization create ->
                    Objects.requireNonNull(authorization).productId();
                case OfferChange.CreateReplacementOfferUsingResaleAuthorization create -> {
                    replaced(create.agreementId(), replaced);
                    yield Objects.requireNonNull(authorization).productId();
                }
                default -> throw new ChangeRejected("RESOURCE_NOT_FOUND", "The change names no offer.");
            };
        }

        private AgreementFacts replaced(String agreementId, @Nullable AgreementFacts replaced) {
            if (replaced == null) {
                throw new ChangeRejected(
                        "RESOURCE_NOT_FOUND",
                        "Agreement " + agreementId + " not found. A replacement offer starts from an agreement you"
                                + " proposed.");
            }
            return replaced;
        }

        /**
         * Whose product the offer must be for: the seller's own; for a resale offer the manufacturer's, which the
         * authorization vouches for; for a replacement offer whoever's the agreement is for, which the agreement the
         * seller proposed vouches for (the rules then tell a resale agreement apart).
         */
        private @Nullable UUID productOwner(
                @Nullable Offer current, OfferChange parsed, @Nullable AuthorizationFacts authorization) {
            if (authorization != null) {
                return authorization.manufacturerPartyId();
            }
            return current == null && parsed instanceof OfferChange.CreateReplacementOffer
                    ? null
                    : context.ownerPartyId();
        }

        /**
         * The resale authorization the offer is made from, as shared with the partner: the one a create change names,
         * or the one a resale offer was made from. Another partner's, like one that does not exist, is not found.
         */
        private @Nullable AuthorizationFacts resaleAuthorization(@Nullable Offer current, OfferChange parsed) {
            var authorizationId = switch (parsed) {
                case OfferChange.CreateOfferUsingResaleAuthorization create -> create.resaleAuthorizationId();
                case OfferChange.CreateReplacementOfferUsingResaleAuthorization create ->
                    create.resaleAuthorizationId();
                default ->
                    current == null || current.resale() == null
                            ? null
                            : current.resale().authorizationId();
            };
            if (authorizationId == null) {
                return null;
            }
            return resaleAuthorizations
                    .forReseller(context.ownerPartyId(), authorizationId)
                    .orElseThrow(() -> new ChangeRejected(
                            "RESOURCE_NOT_FOUND", "ResaleAuthorization " + authorizationId + " not found."));
        }

        /**
         * Counts the new offer against its authorization in this change set's transaction; the count, not the facts
         * read before, decides a race for a single-use authorization.
         */
        private void claim(AuthorizationFacts authorization, Offer offer) {
            if (!resaleAuthorizations.claim(
                    authorization.id(), offer.id(), LocalDate.ofInstant(context.now(), ZoneOffset.UTC))) {
                throw new ChangeRejected(
                        "INCOMPATIBLE_RESALE_AUTHORIZATION",
                        "ResaleAuthorization " + authorization.id() + " can no longer be used: it was restricted, has"
                                + " expired or its single use was taken by another offer.");
            }
        }

        /**
         * The agreement the change's offer replaces, as it is now: the one {@code CreateReplacementOffer} names, or
         * the one a replacement offer was made for.
         */
        private @Nullable AgreementFacts replacedAgreement(@Nullable Offer current, OfferChange parsed) {
            var agreementId = switch (parsed) {
                case OfferChange.CreateReplacementOffer create -> create.agreementId();
                case OfferChange.CreateReplacementOfferUsingResaleAuthorization create -> create.agreementId();
                default -> current == null ? null : current.replacesAgreementId();
            };
            return agreementId == null
                    ? null
                    : agreements.find(context.ownerPartyId(), agreementId).orElse(null);
        }

        /** The product, when it is {@code owner}'s (anyone's when absent). */
        private ProductFacts product(String productId, @Nullable UUID owner) {
            var known = products.get(productId);
            if (known != null) {
                return known;
            }
            var product = ProductId.parse(productId)
                    .flatMap(catalog::find)
                    .filter(p -> owner == null || p.sellerPartyId().equals(owner))
                    .orElseThrow(() -> new ChangeRejected(
                            "INCOMPATIBLE_PRODUCT",
                            "ProductId " + productId + " is not a product of yours. Create the offer for one of your"
                                    + " products."));
            var facts = ProductFacts.of(product);
            products.put(productId, facts);
            return facts;
        }

        private Set<String> standardVersions() {
            var known = standardVersions;
            if (known == null) {
                known = contracts.versions();
                standardVersions = known;
            }
            return known;
        }

        private OfferContext context(ProductFacts product, @Nullable Offer current) {
            var id = current == null ? null : current.id();
            return new OfferContext(
                    context.now(),
                    context.ownerPartyId(),
                    product,
                    limits,
                    standardVersions(),
                    url -> documents.byUrl(context.ownerPartyId(), url).isPresent(),
                    product.hasPublicOffer()
                            || publicOffers.computeIfAbsent(product.id(), p -> offers.releasedPublicOfferExists(p, id)),
                    () -> OfferId.fresh(random),
                    null,
                    null);
        }
    }
}
