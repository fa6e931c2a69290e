package io.offerdesk.commitments.internal;

import io.offerdesk.commitments.events.CommitmentHeadroomRevoked;
import io.offerdesk.commitments.events.CommitmentHeadroomShared;
import io.offerdesk.parties.Account;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer organization may show the headroom left in its commitment years to a seller or channel partner it names,
 * so the seller can shape offers that fit; it may revoke that at any time. A seller sees only the buyers that share
 * with it; for any other buyer the headroom is not found.
 */
@Service
public class HeadroomSharing {

    /** A seller the organization shares with. */
    public record Share(Party seller, Instant sharedAt, String sharedBy) {}

    /**
     * What a seller sees of a buyer: each commitment year in force today, with its cap, what counted and what is
     * left.
     */
    public record Headroom(Party buyer, Instant sharedAt, List<InForce> years) {
        public Headroom {
            years = List.copyOf(years);
        }
    }

    public record InForce(String commitmentName, Commitments.View view, Drawdown year) {}

    /** The year in force, flattened for pages and JSON. */
    public record Drawdown(
            int number,
            LocalDate start,
            LocalDate lastDay,
            org.joda.money.Money cap,
            org.joda.money.Money counted,
            org.joda.money.Money headroom) {}

    private final ShareRepository shares;
    private final CommitmentRepository commitments;
    private final Commitments views;
    private final PartyManagement parties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HeadroomSharing(
            ShareRepository shares,
            CommitmentRepository commitments,
            Commitments views,
            PartyManagement parties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.shares = shares;
        this.commitments = commitments;
        this.views = views;
        this.parties = parties;
        this.events = events;
        this.clock = clock;
    }

    /** The sellers the caller's organization shares with. */
    @Transactional(readOnly = true)
    public List<Share> shares(OfferdeskPrincipal me) {
        Commitments.requireBuyer(me);
        var list = new ArrayList<Share>();
        for (var share : shares.byOwner(me.partyId())) {
            parties.find(share.sellerPartyId())
                    .ifPresent(seller -> list.add(new Share(seller, share.sharedAt(), share.sharedBy())));
        }
        return list;
    }

    /**
     * Shares the organization's headroom with a seller or channel partner, named by party id or exact name.
     *
     * @throws InvalidInput {@code seller} when no seller or channel partner has that id or name
     */
    @Transactional
    public Share share(OfferdeskPrincipal me, @Nullable String seller) {
        requireWriter(me);
        var party = seller(seller)
                .orElseThrow(
                        () -> new InvalidInput("seller", "commitments.error.sellerUnknown", String.valueOf(seller)));
        var now = clock.instant();
        if (shares.share(me.partyId(), party.id(), now, me.actor().name())) {
            events.publishEvent(new CommitmentHeadroomShared(me.partyId(), party.id(), me.actor(), now));
        }
        return shares(me).stream()
                .filter(s -> s.seller().id().equals(party.id()))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void revoke(OfferdeskPrincipal me, UUID sellerPartyId) {
        requireWriter(me);
        if (!shares.revoke(me.partyId(), sellerPartyId)) {
            throw new NotFound("commitment-headroom-share", sellerPartyId.toString());
        }
        events.publishEvent(new CommitmentHeadroomRevoked(me.partyId(), sellerPartyId, me.actor(), clock.instant()));
    }

    /** The buyers that share their headroom with the caller's party, and what each has left. */
    @Transactional(readOnly = true)
    public List<Headroom> sharedWithMe(OfferdeskPrincipal me) {
        requireSeller(me);
        var list = new ArrayList<Headroom>();
        for (var share : shares.bySeller(me.partyId())) {
            parties.find(share.ownerPartyId()).ifPresent(buyer -> list.add(headroom(buyer, share.sharedAt())));
        }
        return list;
    }

    /** One buyer's headroom; not found unless the buyer shares it with the caller's party. */
    @Transactional(readOnly = true)
    public Headroom headroomOf(OfferdeskPrincipal me, UUID buyerPartyId) {
        requireSeller(me);
        return shares.bySeller(me.partyId()).stream()
                .filter(s -> s.ownerPartyId().equals(buyerPartyId))
                .findFirst()
                .flatMap(s -> parties.find(buyerPartyId).map(buyer -> headroom(buyer, s.sharedAt())))
                .orElseThrow(() -> new NotFound("commitment-headroom", buyerPartyId.toString()));
    }

    /** The headroom of the organization that holds the account; not found unless it shares it with the caller. */
    @Transactional(readOnly = true)
    public Headroom headroomOfAccount(OfferdeskPrincipal me, String accountId) {
        requireSeller(me);
        return (AccountId.isValid(accountId)
                        ? parties.findAccount(new AccountId(accountId))
                        : Optional.<Account>empty())
                .map(account -> headroomOf(me, account.partyId()))
                .orElseThrow(() -> new NotFound("commitment-headroom", accountId));
    }

    private Headroom headroom(Party buyer, Instant sharedAt) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var years = new ArrayList<InForce>();
        for (var commitment : commitments.of(buyer.id())) {
            var view = views.view(commitment);
            var year = view.yearOf(today);
            if (year != null) {
                years.add(new InForce(
                        commitment.terms().name(),
                        view,
                        new Drawdown(
                                year.year().number(),
                                year.year().start(),
                                year.year().lastDay(),
                                year.year().cap(),
                                year.counted(),
                                year.headroom())));
            }
        }
        return new Headroom(buyer, sharedAt, years);
    }

    private Optional<Party> seller(@Nullable String seller) {
        if (seller == null || seller.isBlank()) {
            return Optional.empty();
        }
        var text = seller.strip();
        Optional<Party> found;
        try {
            found = parties.find(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            found = parties.findByName(text);
        }
        return found.filter(p -> p.kind() == PartyKind.SELLER || p.kind() == PartyKind.CHANNEL_PARTNER);
    }

    private static void requireWriter(OfferdeskPrincipal me) {
        if (!Commitments.mayWrite(me)) {
            throw new AccessDeniedException("the organization's finance users and administrators share headroom");
        }
    }

    private static void requireSeller(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.SELLER && me.partyKind() != PartyKind.CHANNEL_PARTNER) {
            throw new AccessDeniedException("sellers and channel partners see the headroom buyers share with them");
        }
    }
}
