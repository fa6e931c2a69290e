package io.offerdesk.offers;

import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.internal.EulaDocumentRepository;
import io.offerdesk.offers.internal.OfferRepository;
import io.offerdesk.offers.internal.domain.OfferDocuments;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading offers. A seller (or channel partner) reads its own offers, the operator reads all; a buyer reads the
 * released offers that target one of the accounts it acts for, and released public offers. Everyone else is told an
 * offer does not exist, never that it is forbidden.
 */
@Service
public class OfferQueries {

    public static final int PAGE_MAX = 100;

    /** One page of offers, and whether there are more. */
    public record OfferPage(List<Offer> offers, boolean more) {
        public OfferPage {
            offers = List.copyOf(offers);
        }
    }

    /** What a buyer's offer list shows: offers still open for acceptance, or accepted and expired ones. */
    public enum BuyerTab {
        AVAILABLE,
        ACCEPTED_OR_EXPIRED
    }

    private final OfferRepository offers;
    private final EulaDocumentRepository documents;
    private final UserManagement users;
    private final Clock clock;

    OfferQueries(OfferRepository offers, EulaDocumentRepository documents, UserManagement users, Clock clock) {
        this.offers = offers;
        this.documents = documents;
        this.users = users;
        this.clock = clock;
    }

    /** The seller's offer (any offer for the operator). */
    @Transactional(readOnly = true)
    public Offer offer(OfferdeskPrincipal me, String id) {
        return OfferId.parse(id)
                .flatMap(offerId -> me.isOperator() ? offers.find(offerId) : offers.find(me.partyId(), offerId))
                .orElseThrow(() -> new NotFound("offer", id));
    }

    /**
     * For other modules, reacting to an offer's events: the offer of the party that owns it (its proposer: the seller,
     * or the channel partner of a resale offer).
     */
    @Transactional(readOnly = true)
    public Optional<Offer> find(UUID ownerPartyId, String id) {
        return OfferId.parse(id).flatMap(offerId -> offers.find(ownerPartyId, offerId));
    }

    @Transactional(readOnly = true)
    public OfferPage offers(OfferdeskPrincipal me, OfferFilter filter, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        var page = offers.list(me.partyId(), filter, offset, limit + 1);
        return new OfferPage(page.stream().limit(limit).toList(), page.size() > limit);
    }

    /** Released offers whose expiry falls within the next {@code days} days, soonest first. */
    @Transactional(readOnly = true)
    public List<Offer> expiringSoon(OfferdeskPrincipal me, int days) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var filter = new OfferFilter(
                OfferState.RELEASED,
                null,
                null,
                null,
                null,
                null,
                today,
                today.plusDays(days),
                null,
                OfferFilter.Sort.AVAILABILITY_END_DATE,
                true);
        return offers.list(me.partyId(), filter, 0, PAGE_MAX);
    }

    /**
     * The offer as AWS {@code DescribeEntity} shows it in {@code DetailsDocument}, for APIs that speak AWS's shapes; the
     * caller has read the offer through an owner predicate.
     */
    public ObjectNode details(Offer offer) {
        return OfferDocuments.describe(offer);
    }

    /** The offer's history, newest first. */
    @Transactional(readOnly = true)
    public List<OfferRevision> revisions(OfferdeskPrincipal me, String id) {
        return offers.revisions(offer(me, id).id());
    }

    /** The offer as it was at one revision. */
    @Transactional(readOnly = true)
    public Offer atRevision(OfferdeskPrincipal me, String id, long revision) {
        var offer = offer(me, id);
        return offers.atRevision(offer.id(), revision)
                .orElseThrow(() -> new NotFound("offer-revision", id + "@" + revision));
    }

    /**
     * The seller's other open offers for the same product that target one of the offer's buyer accounts: a buyer
     * holds one agreement per product, so two open offers usually mean one should be expired.
     */
    @Transactional(readOnly = true)
    public List<Offer> competing(OfferdeskPrincipal me, Offer offer) {
        if (offer.buyerAccounts().isEmpty()) {
            return List.of();
        }
        return offers.openOffersFor(
                offer.sellerPartyId(), offer.productId(), offer.buyerAccounts(), offer.id(), clock.instant());
    }

    /** The buyer's offers on one tab: open ones soonest expiry first, expired ones most recent first. */
    @Transactional(readOnly = true)
    public OfferPage forBuyer(OfferdeskPrincipal me, BuyerTab tab, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        var accounts = buyerAccounts(me);
        if (accounts.isEmpty()) {
            return new OfferPage(List.of(), false);
        }
        var page = offers.forBuyer(accounts, tab == BuyerTab.AVAILABLE, clock.instant(), offset, limit + 1);
        return new OfferPage(page.stream().limit(limit).toList(), page.size() > limit);
    }

    /** A released offer the buyer may see: a private one targeting one of its accounts, or a public one. */
    @Transactional(readOnly = true)
    public Offer forBuyer(OfferdeskPrincipal me, String id) {
        return OfferId.parse(id)
                .flatMap(offers::find)
                .filter(offer -> visibleToBuyer(me, offer))
                .orElseThrow(() -> new NotFound("offer", id));
    }

    /**
     * The offers for one product the buyer may accept now: every released, unexpired private offer that targets one of
     * the accounts it acts for, and the product's released public offer, soonest expiry first. Empty for anyone but a
     * buyer. Whether the product itself may be shown to the buyer is the caller's rule.
     */
    @Transactional(readOnly = true)
    public List<Offer> openForBuyer(OfferdeskPrincipal me, String productId) {
        if (me.partyKind() != PartyKind.BUYER) {
            return List.of();
        }
        return offers.openForBuyer(buyerAccounts(me), productId, clock.instant());
    }

    /** The products the buyer holds a released, unexpired private offer for; empty for anyone but a buyer. */
    @Transactional(readOnly = true)
    public List<String> productsOfferedTo(OfferdeskPrincipal me) {
        var accounts = buyerAccounts(me);
        return accounts.isEmpty() ? List.of() : offers.productsOfferedTo(accounts, clock.instant());
    }

    /** The custom EULA of the seller's offer (any offer's for the operator). */
    @Transactional(readOnly = true)
    public EulaFile eula(OfferdeskPrincipal me, String id) {
        return eulaOf(offer(me, id));
    }

    /** The custom EULA of an offer the buyer may see. */
    @Transactional(readOnly = true)
    public EulaFile buyerEula(OfferdeskPrincipal me, String id) {
        return eulaOf(forBuyer(me, id));
    }

    private EulaFile eulaOf(Offer offer) {
        var id = offer.id().value();
        var url = offer.term(LegalTerm.class).stream()
                .flatMap(term -> term.documents().stream())
                .filter(document -> document.type() == Term.DocumentType.CUSTOM_EULA)
                .map(LegalDocument::url)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new NotFound("eula", id));
        var documentId = EulaDocuments.idIn(url).orElseThrow(() -> new NotFound("eula", id));
        var document = documents.find(offer.sellerPartyId(), documentId).orElseThrow(() -> new NotFound("eula", id));
        return new EulaFile(document, documents.content(documentId).orElseThrow());
    }

    /** A EULA document with its bytes. */
    public record EulaFile(EulaDocument document, byte[] content) {}

    public Instant now() {
        return clock.instant();
    }

    private boolean visibleToBuyer(OfferdeskPrincipal me, Offer offer) {
        if (offer.state() != OfferState.RELEASED || me.partyKind() != PartyKind.BUYER) {
            return false;
        }
        if (!offer.isPrivate()) {
            return true;
        }
        var mine = buyerAccounts(me);
        return offer.buyerAccounts().stream().anyMatch(mine::contains);
    }

    private List<AccountId> buyerAccounts(OfferdeskPrincipal me) {
        return me.partyKind() == PartyKind.BUYER ? users.accountsOf(me) : List.of();
    }
}
