package io.offerdesk.agreements;

import io.offerdesk.agreements.AgreementRequest.Intent;
import io.offerdesk.agreements.events.AgreementAccepted;
import io.offerdesk.agreements.events.AgreementChargeDue;
import io.offerdesk.agreements.events.ChargeLine;
import io.offerdesk.agreements.internal.AgreementCancellation;
import io.offerdesk.agreements.internal.AgreementRepository;
import io.offerdesk.agreements.internal.AgreementRequests;
import io.offerdesk.agreements.internal.domain.Acceptance;
import io.offerdesk.agreements.internal.domain.QuoteIntent;
import io.offerdesk.agreements.internal.domain.Quotes;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.governance.PrivateMarketplace;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferViews;
import io.offerdesk.offers.Term;
import io.offerdesk.parties.Organizations;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buying: a buyer quotes an offer (an agreement request), accepts the quote, and holds the agreement; the seller
 * that proposed it and the buyer that accepted it read it, everyone else is told it does not exist.
 *
 * <p>Acceptance is one transaction. Acceptances by the same buyer account for the same product lock one row and
 * decide one after the other, so however many run at once, the account ends with one agreement for the product.
 */
@Service
public class Agreements {

    public static final int PAGE_MAX = 100;
    public static final int PURCHASE_ORDER_MAX = 200;

    /** A purchase order reference the buyer puts on one charge. */
    public record PurchaseOrder(String chargeId, String purchaseOrderReference) {}

    /**
     * The accounts a purchase involves, shown before the buyer accepts: the accepting account owns the agreement and
     * receives the entitlements, the billed account pays.
     *
     * @param owner the account that will own the agreement
     * @param entitled the accounts that receive the entitlements
     * @param billed its buyer organization's billing account when it designates one, else the owner
     * @param procurementAccount whether the owner is a designated procurement account (or the organization designates
     *     none); when not, the buyer is warned before accepting
     */
    public record PurchaseAccounts(
            AccountId owner, List<AccountId> entitled, AccountId billed, boolean procurementAccount) {
        public PurchaseAccounts {
            entitled = List.copyOf(entitled);
        }
    }

    /** One page of agreements, and whether there are more. */
    public record AgreementPage(List<Agreement> agreements, boolean more) {
        public AgreementPage {
            agreements = List.copyOf(agreements);
        }
    }

    private final AgreementRequests requests;
    private final AgreementRepository agreements;
    private final AgreementCancellation cancellation;
    private final OfferQueries offers;
    private final OfferViews views;
    private final CatalogManagement catalog;
    private final PartyManagement parties;
    private final Organizations organizations;
    private final UserManagement users;
    private final PrivateMarketplace privateMarketplace;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    Agreements(
            AgreementRequests requests,
            AgreementRepository agreements,
            AgreementCancellation cancellation,
            OfferQueries offers,
            OfferViews views,
            CatalogManagement catalog,
            PartyManagement parties,
            Organizations organizations,
            UserManagement users,
            PrivateMarketplace privateMarketplace,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.agreements = agreements;
        this.cancellation = cancellation;
        this.offers = offers;
        this.views = views;
        this.catalog = catalog;
        this.parties = parties;
        this.organizations = organizations;
        this.users = users;
        this.privateMarketplace = privateMarketplace;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the buyer asks a quote for.
     *
     * @param accountId the buyer account that would accept; may be left out when the user acts for exactly one of the
     *     accounts the offer targets
     * @param requestedTerms every offer term by id, as AWS's CreateAgreementRequest takes them; when absent, every
     *     term of the offer with {@code contract} and {@code autoRenew} as the configuration
     * @param autoRenew for an offer with a renewal term; on unless the buyer turns it off
     * @param intent left out: {@code REPLACE} for a replacement offer, {@code NEW} for any other
     * @param sourceAgreementId the agreement a {@code REPLACE} request replaces; left out, the one the replacement offer
     *     names
     */
    public record QuoteRequest(
            String offerId,
            @Nullable String accountId,
            @Nullable Intent intent,
            @Nullable String sourceAgreementId,
            @Nullable List<RequestedTerm> requestedTerms,
            TermConfiguration.@Nullable ContractConfiguration contract,
            @Nullable Boolean autoRenew,
            @Nullable String clientToken) {}

    /** Quotes an offer for one of the buyer's accounts: the charges, the dates and the agreement value. */
    @Transactional
    public AgreementRequest quote(OfferdeskPrincipal me, QuoteRequest request) {
        var offer = offers.forBuyer(me, request.offerId());
        // A buyer who asks for a quote has seen the offer, whichever client it uses.
        views.viewed(me, offer);
        var account = acceptingAccount(me, offer, request.accountId());
        var intent = QuoteIntent.of(offer, request.intent(), request.sourceAgreementId());
        AgreementId source = null;
        if (intent.sourceAgreementId() != null) {
            source = AgreementId.parse(intent.sourceAgreementId())
                    .filter(id ->
                            agreements.find(id).filter(a -> visible(me, a)).isPresent())
                    .orElseThrow(() -> RefusalReason.INVALID_SOURCE_AGREEMENT_IDENTIFIER.at(
                            "sourceAgreementId", String.valueOf(intent.sourceAgreementId())));
        }
        var requested = request.requestedTerms() != null
                ? request.requestedTerms()
                : offer.terms().stream()
                        .map(term -> new RequestedTerm(
                                offer.termId(term),
                                switch (term) {
                                    case Term.ConfigurableUpfrontPricingTerm c -> request.contract();
                                    case Term.RenewalTerm r ->
                                        new TermConfiguration.RenewalConfiguration(
                                                request.autoRenew() == null || request.autoRenew());
                                    case Term.VariablePaymentTerm v ->
                                        new TermConfiguration.VariablePaymentConfiguration(
                                                PaymentRequestApprovalStrategy.WAIT_FOR_APPROVAL, null);
                                    default -> null;
                                }))
                        .toList();
        return requests.create(me, offer, account, intent.intent(), source, requested, request.clientToken());
    }

    /** The buyer's quote; another party's is not found. */
    @Transactional(readOnly = true)
    public AgreementRequest request(OfferdeskPrincipal me, String requestId) {
        var id = AgreementRequestId.parse(requestId).orElseThrow(() -> new NotFound("agreement-request", requestId));
        return requests.request(me, id);
    }

    /**
     * The accounts accepting the quote would involve; for an accepted quote, as its agreement records them. Entitlements
     * go to the accepting account (see {@link Entitlements}).
     */
    @Transactional(readOnly = true)
    public PurchaseAccounts accounts(AgreementRequest request) {
        var owner = request.acceptorAccountId();
        var billed = request.agreementId() == null
                ? organizations.billingAccountFor(owner)
                : agreement(request.agreementId()).billingAccountId();
        return new PurchaseAccounts(owner, List.of(owner), billed, organizations.isProcurementAccount(owner));
    }

    /**
     * The account a buyer accepts for: one the user acts for and, for a private offer, one the offer targets. Left out,
     * it is the only such account.
     */
    private AccountId acceptingAccount(OfferdeskPrincipal me, Offer offer, @Nullable String requested) {
        var candidates = users.accountsOf(me).stream()
                .filter(account -> !offer.isPrivate() || offer.buyerAccounts().contains(account))
                .toList();
        if (requested == null) {
            if (candidates.size() != 1) {
                throw new InvalidInput("accountId", "agreement.accountRequired");
            }
            return candidates.getFirst();
        }
        return candidates.stream()
                .filter(account -> account.value().equals(requested))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("accountId", "agreement.accountNotTargeted", requested));
    }

    /**
     * Accepts a quote and makes the agreement. Accepting the same quote again answers with the same agreement.
     *
     * @param eulaAcknowledged the buyer confirmed they read and accept the offer's EULA
     */
    @Transactional
    public Agreement accept(
            OfferdeskPrincipal me, String requestId, List<PurchaseOrder> purchaseOrders, boolean eulaAcknowledged) {
        return accept(me, requestId, purchaseOrders, eulaAcknowledged, false);
    }

    /**
     * Accepts a quote; an offer of an offer set only together with the set's other offers ({@link
     * OfferSetAcceptance}).
     */
    Agreement accept(
            OfferdeskPrincipal me,
            String requestId,
            List<PurchaseOrder> purchaseOrders,
            boolean eulaAcknowledged,
            boolean withOfferSet) {
        var id = AgreementRequestId.parse(requestId).orElseThrow(() -> new NotFound("agreement-request", requestId));
        var quoted = requests.request(me, id);
        if (!me.has(Role.PROCUREMENT)) {
            throw new AccessDeniedException("only procurement users accept offers");
        }
        if (quoted.agreementId() != null) {
            return agreement(quoted.agreementId());
        }
        if (!eulaAcknowledged) {
            throw new InvalidInput("eulaAcknowledged", "agreement.eulaNotAcknowledged");
        }
        var now = clock.instant();
        if (quoted.isExpired(now)) {
            throw RefusalReason.EXPIRED_AGREEMENT_PROPOSAL.at("agreementRequestId", requestId);
        }
        checkPurchaseOrders(quoted, purchaseOrders);
        var offer = offers.forBuyer(me, quoted.offerId());
        if (offer.offerSetId() != null && !withOfferSet) {
            throw RefusalReason.OFFER_IN_OFFER_SET.at(
                    "agreementRequestId", offer.id().value(), offer.offerSetId());
        }
        if (!offer.terms()
                .equals(quoted.terms().stream().map(AcceptedTerm::term).toList())) {
            throw RefusalReason.SUPERSEDED_AGREEMENT_PROPOSAL.at("agreementRequestId", requestId);
        }
        if (!privateMarketplace.allows(quoted.acceptorAccountId(), offer.productId())) {
            throw new PurchaseDenied(quoted.acceptorAccountId(), offer.productId());
        }
        agreements.lockSubscription(quoted.acceptorAccountId(), offer.productId());
        // The quote was read without a lock above, so that acceptances racing on it do not queue holding connections;
        // under the subscription lock it is read again, since another acceptance of it may have committed meanwhile.
        var request = requests.lock(me, id);
        if (request.agreementId() != null) {
            return agreement(request.agreementId());
        }
        var quote = requests.requote(offer, request, now);
        var held = agreements.activeFor(request.acceptorAccountId(), offer.productId());
        var replaced = Acceptance.decide(request, quote.charges(), held);
        var product = catalog.find(new ProductId(offer.productId())).orElseThrow();
        var proposerAccount =
                parties.accountsOf(offer.sellerPartyId()).getFirst().id();
        var agreementId = AgreementId.fresh(random);
        var orders = new HashMap<String, String>();
        purchaseOrders.forEach(po -> orders.put(po.chargeId(), po.purchaseOrderReference()));
        var wholesale = Quotes.wholesale(offer, quote, now);
        var expected = quote.charges().expectedCharges();
        var charges = new ArrayList<AgreementCharge>();
        for (int i = 0; i < expected.size(); i++) {
            var c = expected.get(i);
            charges.add(new AgreementCharge(
                    c.id(),
                    1,
                    c.time(),
                    c.amount(),
                    c.timing(),
                    c.timing() == ChargeTiming.ON_ACCEPTANCE
                            ? AgreementCharge.State.DUE
                            : AgreementCharge.State.SCHEDULED,
                    orders.get(c.id()),
                    wholesale == null ? null : wholesale.amounts().get(i)));
        }
        var resale = offer.resale();
        var agreement = new Agreement(
                agreementId,
                replaced == null ? agreementId : replaced.initialAgreementId(),
                offer.id().value(),
                offer.offerSetId(),
                offer.productId(),
                product.type(),
                // The offer's owner proposes and is seller of record: for a channel partner private offer, the partner.
                offer.sellerPartyId(),
                proposerAccount,
                product.sellerPartyId(),
                me.partyId(),
                request.acceptorAccountId(),
                organizations.billingAccountFor(request.acceptorAccountId()),
                request.id(),
                now,
                quote.charges().startTime(),
                quote.charges().endTime(),
                quote.terms(),
                quote.charges().agreementValue(),
                wholesale == null || resale == null
                        ? null
                        : new Wholesale(resale.authorizationId(), wholesale.terms(), wholesale.value()),
                charges,
                AgreementStatus.ACTIVE,
                0,
                null,
                now,
                1);
        agreements.insert(agreement);
        requests.accepted(request.id(), agreementId);
        if (replaced != null) {
            // The old agreement ends as REPLACED; its charges not yet due are cancelled, the due ones stand.
            cancellation.endEarly(replaced, replaced.active().replace(now, agreementId), me.actor(), now);
        }
        events.publishEvent(accepted(agreement, replaced, null, me.actor(), now));
        agreement.charges().stream()
                .filter(c -> c.state() == AgreementCharge.State.DUE)
                .forEach(c -> events.publishEvent(chargeDue(agreement, c, now)));
        return agreement;
    }

    /**
     * Which of the buyer accounts hold an active agreement for the product that had started by {@code at}; an account
     * without one is left out. For metering, which checks every customer of a batch of usage records at once.
     */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions(String productId, List<AccountId> accounts, Instant at) {
        return accounts.isEmpty() ? List.of() : agreements.subscriptions(productId, accounts, at);
    }

    /**
     * The agreement as it is, for work of other modules that acts for no user (metering's rating reads the accepted
     * rate card and the wholesale terms); callers that serve a user read it with {@link #agreement} instead.
     */
    @Transactional(readOnly = true)
    public Optional<Agreement> find(String id) {
        return AgreementId.parse(id).flatMap(agreements::find);
    }

    /**
     * The product type each agreement took at acceptance (the catalog may have changed since), in one query however
     * many, for work of other modules that acts for no user on a batch of agreements (commitments' drawdown of an
     * invoicing run's invoices); ids not found are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, ProductType> productTypes(Collection<String> agreementIds) {
        return agreementIds.isEmpty() ? Map.of() : agreements.productTypes(agreementIds);
    }

    /** The agreement, for its proposer, its acceptor (an account the user acts for) or the operator. */
    @Transactional(readOnly = true)
    public Agreement agreement(OfferdeskPrincipal me, String id) {
        return AgreementId.parse(id)
                .flatMap(agreements::find)
                .filter(agreement -> visible(me, agreement))
                .map(agreement -> agreement.seenFrom(sideOf(me, agreement)))
                .orElseThrow(() -> new NotFound("agreement", id));
    }

    /** An agreement the caller may see, as its side sees it; see {@link Agreement#seenFrom}. */
    public Agreement asSeenBy(OfferdeskPrincipal me, Agreement agreement) {
        return agreement.seenFrom(sideOf(me, agreement));
    }

    /** A party's name, as agreements show their seller of record and publisher. */
    public String partyName(UUID partyId) {
        return parties.find(partyId).map(Party::name).orElse(partyId.toString());
    }

    /**
     * Which side of an agreement the caller sees: the whole of it as its proposer (the seller of record) or the
     * operator, the buyer's side as its acceptor, the wholesale side as the publisher of a product a partner resold.
     * The caller may see the agreement.
     */
    static Agreement.Side sideOf(OfferdeskPrincipal me, Agreement agreement) {
        if (me.isOperator() || me.partyId().equals(agreement.proposerPartyId())) {
            return Agreement.Side.WHOLE;
        }
        return me.partyId().equals(agreement.publisherPartyId()) ? Agreement.Side.PUBLISHER : Agreement.Side.BUYER;
    }

    /** Every agreement {@link #search} finds for the filter, all pages of it, for work that needs the whole set. */
    @Transactional(readOnly = true)
    public List<Agreement> searchAll(OfferdeskPrincipal me, AgreementFilter filter) {
        var found = new ArrayList<Agreement>();
        AgreementPage page;
        do {
            page = search(me, filter, found.size(), PAGE_MAX);
            found.addAll(page.agreements());
        } while (page.more());
        return found;
    }

    /** The agreements the caller's party proposed (sellers) or accepted (buyers), filtered like SearchAgreements. */
    @Transactional(readOnly = true)
    public AgreementPage search(OfferdeskPrincipal me, AgreementFilter filter, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        var buyer = filter.partyType() == PartyType.ACCEPTOR;
        if (buyer != (me.partyKind() == PartyKind.BUYER)) {
            throw new InvalidInput(
                    "partyType", "agreement.partyType", me.partyKind().name());
        }
        var page = agreements.search(me.partyId(), buyer ? users.accountsOf(me) : null, filter, offset, limit + 1);
        return new AgreementPage(
                page.stream()
                        .limit(limit)
                        .map(agreement -> agreement.seenFrom(sideOf(me, agreement)))
                        .toList(),
                page.size() > limit);
    }

    /**
     * Ends an active agreement as TERMINATED because its buyer did not pay (invoicing's dunning): as a cancellation
     * does, its charges not yet due are cancelled and the due ones stand. An agreement that already ended is left as
     * it is.
     *
     * @param reason why, for the audit trail: it names the system actor of the agreement's end
     * @return whether the agreement was terminated now; false when it had already ended or does not exist
     */
    @Transactional
    public boolean terminateForNonPayment(String agreementId, String reason, Instant now) {
        var found = AgreementId.parse(agreementId).flatMap(agreements::lock);
        if (found.isEmpty() || !(found.get().status() instanceof AgreementStatus.Active active)) {
            return false;
        }
        cancellation.endEarly(found.get(), active.terminate(now), Actor.system(reason), now);
        return true;
    }

    /**
     * The agreement the caller may see, locked for the rest of the caller's transaction, for the services that change
     * it (cancellations, payment requests); 404 for anyone else.
     */
    Agreement locked(OfferdeskPrincipal me, String agreementId) {
        return agreements.lock(agreement(me, agreementId).id()).orElseThrow();
    }

    private boolean visible(OfferdeskPrincipal me, Agreement agreement) {
        if (me.isOperator()) {
            return true;
        }
        if (me.partyId().equals(agreement.proposerPartyId()) || me.partyId().equals(agreement.publisherPartyId())) {
            return true;
        }
        return me.partyId().equals(agreement.acceptorPartyId())
                && users.accountsOf(me).contains(agreement.acceptorAccountId());
    }

    private Agreement agreement(AgreementId id) {
        return agreements.find(id).orElseThrow();
    }

    private static void checkPurchaseOrders(AgreementRequest request, List<PurchaseOrder> purchaseOrders) {
        var chargeIds = request.charges().expectedCharges().stream()
                .map(ExpectedCharge::id)
                .toList();
        var seen = new ArrayList<String>();
        for (int i = 0; i < purchaseOrders.size(); i++) {
            var po = purchaseOrders.get(i);
            var field = "purchaseOrders[" + i + "]";
            if (!chargeIds.contains(po.chargeId()) || seen.contains(po.chargeId())) {
                throw RefusalReason.INVALID_PURCHASE_ORDERS.at(field + ".chargeId", po.chargeId());
            }
            var reference = po.purchaseOrderReference();
            if (reference.isBlank() || reference.length() > PURCHASE_ORDER_MAX) {
                throw RefusalReason.INVALID_PURCHASE_ORDERS.at(field + ".purchaseOrderReference", PURCHASE_ORDER_MAX);
            }
            seen.add(po.chargeId());
        }
    }

    /** The event that announces an agreement: accepted by the buyer, or made by an automatic renewal. */
    public static AgreementAccepted accepted(
            Agreement agreement,
            @Nullable Agreement replaced,
            @Nullable Agreement renewed,
            io.offerdesk.shared.Actor actor,
            Instant now) {
        return new AgreementAccepted(
                agreement.id().value(),
                agreement.initialAgreementId().value(),
                agreement.offerId(),
                agreement.productId(),
                agreement.productType().name(),
                agreement.proposerPartyId(),
                agreement.proposerAccountId().value(),
                agreement.acceptorPartyId(),
                agreement.acceptorAccountId().value(),
                agreement.billingAccountId().value(),
                agreement.acceptanceTime(),
                agreement.startTime(),
                agreement.endTime(),
                agreement.terms(),
                agreement.agreementValue().getCurrencyUnit().getCode(),
                agreement.agreementValue().getAmount(),
                agreement.charges().stream().map(Agreements::line).toList(),
                replaced == null ? null : replaced.id().value(),
                renewed == null ? null : renewed.id().value(),
                actor,
                now);
    }

    /** The event that hands a due charge to invoicing. */
    public static AgreementChargeDue chargeDue(Agreement agreement, AgreementCharge charge, Instant now) {
        return new AgreementChargeDue(
                agreement.id().value(),
                agreement.offerId(),
                agreement.productId(),
                agreement.proposerPartyId(),
                agreement.publisherPartyId(),
                agreement.acceptorPartyId(),
                agreement.acceptorAccountId().value(),
                agreement.billingAccountId().value(),
                agreement
                        .term(Term.NetPaymentTerm.class)
                        .map(t -> t.paymentDuePeriod().getDays())
                        .orElse(null),
                line(charge),
                now);
    }

    static ChargeLine line(AgreementCharge charge) {
        return new ChargeLine(
                charge.id(),
                charge.revision(),
                charge.time(),
                charge.amount().getCurrencyUnit().getCode(),
                charge.amount().getAmount(),
                charge.timing().name(),
                charge.purchaseOrderReference(),
                charge.wholesaleAmount() == null
                        ? null
                        : charge.wholesaleAmount().getAmount());
    }

    /** The account may not buy the product: its private marketplace does not allow it. */
    public static final class PurchaseDenied extends AccessDeniedException {
        public PurchaseDenied(AccountId account, String productId) {
            super("DENIED_BY_PRIVATE_MARKETPLACE_POLICY: account " + account + " may not buy " + productId);
        }
    }
}
