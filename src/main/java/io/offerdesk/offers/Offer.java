package io.offerdesk.offers;

import io.offerdesk.offers.Rule.AvailabilityRule;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Sha256;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * An offer for one product of one seller, as AWS Marketplace's {@code Offer@1.0}.
 *
 * @param productId the product's {@code prod-} id
 * @param replacesAgreementId for a replacement (agreement-based) offer, the agreement that accepting it replaces; set
 *     when the offer is created and never changed
 * @param resale for a channel partner private offer, the resale authorization it was created from; set when the offer
 *     is created, only its markup changes later
 * @param offerSetId the offer set the offer belongs to, whose offers a buyer accepts together
 * @param pricingModel set with the pricing terms
 * @param terms at most one term of each type
 * @param targeting absent or empty for a public offer
 * @param availabilityEndDate the last day (UTC) buyers can accept the offer
 * @param revision increases with every change set that changes the offer
 */
public record Offer(
        OfferId id,
        UUID sellerPartyId,
        String productId,
        @Nullable String replacesAgreementId,
        @Nullable Resale resale,
        @Nullable String offerSetId,
        OfferState state,
        @Nullable String name,
        @Nullable String description,
        @Nullable PreExistingAgreement preExistingAgreement,
        @Nullable OfferPricingModel pricingModel,
        List<Term> terms,
        @Nullable TargetingRule targeting,
        @Nullable LocalDate availabilityEndDate,
        @Nullable Instant releasedAt,
        Instant createdAt,
        Instant lastModifiedAt,
        long revision) {

    /** The entity type of offers in change sets, as AWS names it. */
    public static final String ENTITY_TYPE = "Offer@1.0";

    /** Term ids are {@code term-} and this many hex digits; see {@link #termId(Term)}. */
    public static final String TERM_ID_PREFIX = "term-";

    private static final int TERM_ID_HEX_DIGITS = 32;

    /** An offer accepted up to the last millisecond of its availability end date, in UTC. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_000_000);

    public Offer {
        terms = List.copyOf(terms);
    }

    /** A fresh draft, revision 0 until it is first stored. */
    public static Offer draft(OfferId id, UUID sellerPartyId, String productId, @Nullable String name, Instant now) {
        return draft(id, sellerPartyId, productId, null, name, now);
    }

    /**
     * A fresh draft that replaces an agreement when accepted, targeted at the one account that holds it (AWS's
     * {@code CreateReplacementOffer}).
     */
    public static Offer replacementDraft(
            OfferId id,
            UUID sellerPartyId,
            String productId,
            String agreementId,
            AccountId acceptor,
            @Nullable String name,
            Instant now) {
        return draft(id, sellerPartyId, productId, agreementId, name, now)
                .withTargeting(new TargetingRule(List.of(acceptor), List.of(), List.of()));
    }

    private static Offer draft(
            OfferId id,
            UUID sellerPartyId,
            String productId,
            @Nullable String replacesAgreementId,
            @Nullable String name,
            Instant now) {
        return new Offer(
                id,
                sellerPartyId,
                productId,
                replacesAgreementId,
                null,
                null,
                OfferState.DRAFT,
                name,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                now,
                now,
                0);
    }

    /** A channel partner private offer: made by a partner from a resale authorization. */
    public boolean isResale() {
        return resale != null;
    }

    /** The offer made from a resale authorization, its resale facts set once at creation. */
    public Offer withResale(@Nullable Resale resale) {
        return copy(c -> c.resale = resale);
    }

    public Offer withOfferSetId(@Nullable String offerSetId) {
        return copy(c -> c.offerSetId = offerSetId);
    }

    /**
     * The party that publishes the product: the ISV that authorized the resale of a channel partner private offer,
     * otherwise the offer's owner. The owner is always the seller of record.
     */
    public UUID publisherPartyId() {
        return resale != null ? resale.manufacturerPartyId() : sellerPartyId;
    }

    /** Accepting a replacement offer replaces the agreement it names instead of making a new one beside it. */
    public boolean isReplacement() {
        return replacesAgreementId != null;
    }

    /** A private offer names buyer accounts; only they can see and accept it. */
    public boolean isPrivate() {
        return !buyerAccounts().isEmpty();
    }

    public List<AccountId> buyerAccounts() {
        return targeting == null ? List.of() : targeting.buyerAccounts();
    }

    /** The last instant buyers can accept the offer; absent when it has no availability end date. */
    public @Nullable Instant expiresAt() {
        return availabilityEndDate == null
                ? null
                : availabilityEndDate.atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
    }

    public boolean isExpired(Instant now) {
        var expiresAt = expiresAt();
        return expiresAt != null && now.isAfter(expiresAt);
    }

    public OfferStatus status(Instant now) {
        return switch (state) {
            case DRAFT -> OfferStatus.DRAFT;
            case RELEASED -> isExpired(now) ? OfferStatus.EXPIRED : OfferStatus.ACTIVE;
        };
    }

    public <T extends Term> Optional<T> term(Class<T> type) {
        return terms.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The one currency of the offer's pricing and payment terms; absent while it has none. */
    public Optional<CurrencyUnit> currency() {
        return terms.stream()
                .filter(Term.InCurrency.class::isInstance)
                .map(term -> ((Term.InCurrency) term).currency())
                .findFirst();
    }

    /**
     * The id of one of the offer's terms, as AWS gives every term one: {@code term-} and the first 32 hex digits of
     * SHA-256 over the offer id, a slash and the term type. An offer holds at most one term of each type, so the id
     * is unique in the offer, and it is derived rather than stored so that the same term keeps its id across
     * revisions, in the Discovery API and in the agreements made from the offer.
     */
    public String termId(Term term) {
        return TERM_ID_PREFIX + Sha256.hex(id.value() + "/" + term.type()).substring(0, TERM_ID_HEX_DIGITS);
    }

    /** The rules as AWS lists them: availability first, then targeting. */
    public List<Rule> rules() {
        var rules = new ArrayList<Rule>();
        if (availabilityEndDate != null) {
            rules.add(new AvailabilityRule(availabilityEndDate));
        }
        if (targeting != null && !targeting.isEmpty()) {
            rules.add(targeting);
        }
        return List.copyOf(rules);
    }

    public Offer withInformation(
            @Nullable String name, @Nullable String description, @Nullable PreExistingAgreement agreement) {
        return copy(c -> {
            c.name = name;
            c.description = description;
            c.preExistingAgreement = agreement;
        });
    }

    public Offer withTargeting(@Nullable TargetingRule targeting) {
        return copy(c -> c.targeting = targeting);
    }

    public Offer withPricingModel(@Nullable OfferPricingModel pricingModel) {
        return copy(c -> c.pricingModel = pricingModel);
    }

    /** Replaces every term of {@code kind} (e.g. all pricing terms) with {@code replacements}. */
    public Offer withTerms(Class<? extends Term> kind, List<? extends Term> replacements) {
        var next = new ArrayList<Term>(
                terms.stream().filter(term -> !kind.isInstance(term)).toList());
        next.addAll(replacements);
        return copy(c -> c.terms = next);
    }

    public Offer withAvailabilityEndDate(@Nullable LocalDate availabilityEndDate) {
        return copy(c -> c.availabilityEndDate = availabilityEndDate);
    }

    public Offer released(Instant at) {
        return copy(c -> {
            c.state = OfferState.RELEASED;
            c.releasedAt = at;
        });
    }

    public Offer modifiedAt(Instant at) {
        return copy(c -> c.lastModifiedAt = at);
    }

    /** The offer as stored with its next revision. */
    public Offer withRevision(long revision) {
        return copy(c -> c.revision = revision);
    }

    /** This offer with some components changed: one place that lists them all, for every copy above. */
    private Offer copy(Consumer<Copy> change) {
        var copy = new Copy(this);
        change.accept(copy);
        return new Offer(
                id,
                sellerPartyId,
                productId,
                replacesAgreementId,
                copy.resale,
                copy.offerSetId,
                copy.state,
                copy.name,
                copy.description,
                copy.preExistingAgreement,
                copy.pricingModel,
                copy.terms,
                copy.targeting,
                copy.availabilityEndDate,
                copy.releasedAt,
                createdAt,
                copy.lastModifiedAt,
                copy.revision);
    }

    /** The components an offer's changes may set; identity and creation (product, replaced agreement) never change. */
    private static final class Copy {
        private @Nullable Resale resale;
        private @Nullable String offerSetId;
        private OfferState state;
        private @Nullable String name;
        private @Nullable String description;
        private @Nullable PreExistingAgreement preExistingAgreement;
        private @Nullable OfferPricingModel pricingModel;
        private List<Term> terms;
        private @Nullable TargetingRule targeting;
        private @Nullable LocalDate availabilityEndDate;
        private @Nullable Instant releasedAt;
        private Instant lastModifiedAt;
        private long revision;

        private Copy(Offer offer) {
            resale = offer.resale;
            offerSetId = offer.offerSetId;
            state = offer.state;
            name = offer.name;
            description = offer.description;
            preExistingAgreement = offer.preExistingAgreement;
            pricingModel = offer.pricingModel;
            terms = offer.terms;
            targeting = offer.targeting;
            availabilityEndDate = offer.availabilityEndDate;
            releasedAt = offer.releasedAt;
            lastModifiedAt = offer.lastModifiedAt;
            revision = offer.revision;
        }
    }
}
