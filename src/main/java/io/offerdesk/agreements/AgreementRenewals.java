package io.offerdesk.agreements;

import io.offerdesk.agreements.events.AgreementRenewalOptedOut;
import io.offerdesk.agreements.events.AgreementRenewalPriceAdjusted;
import io.offerdesk.agreements.internal.AgreementRepository;
import io.offerdesk.agreements.internal.AgreementSettings;
import io.offerdesk.agreements.internal.LifecycleRepository;
import io.offerdesk.agreements.internal.domain.Renewals;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic renewal as both sides see and steer it: the renewal's date, price and what is left of the chain; either
 * side switching renewal off (final, and refused once the lockout before the end has begun); the seller choosing the
 * price increase within the renewal term's range until the adjustment deadline; and the seller's upcoming renewals.
 * The renewal itself happens on the clock.
 */
@Service
public class AgreementRenewals {

    /** The longest look-ahead of the upcoming-renewals list. */
    public static final int UPCOMING_DAYS_MAX = 366;

    private final Agreements agreements;
    private final AgreementRepository repository;
    private final LifecycleRepository lifecycle;
    private final AgreementSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgreementRenewals(
            Agreements agreements,
            AgreementRepository repository,
            LifecycleRepository lifecycle,
            AgreementSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agreements = agreements;
        this.repository = repository;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** One agreement's renewal, for its proposer, its acceptor or the operator; 404 for everyone else. */
    @Transactional(readOnly = true)
    public RenewalInfo renewal(OfferdeskPrincipal me, String agreementId) {
        return info(agreements.agreement(me, agreementId));
    }

    /** The renewal of an agreement the caller was allowed to read. */
    @Transactional(readOnly = true)
    public RenewalInfo info(Agreement agreement) {
        var now = clock.instant();
        var state = lifecycle.state(agreement.id());
        var behavior = agreement.endTimeBehavior();
        var started = !agreement.startTime().isAfter(now)
                && (!agreement.startTime().isAfter(agreement.acceptanceTime()) || state.startAnnouncedAt() != null);
        var term = agreement.term(RenewalTerm.class).orElse(null);
        var end = agreement.endTime();
        if (term == null || end == null) {
            return new RenewalInfo(
                    agreement.id(),
                    started,
                    state.startAnnouncedAt(),
                    behavior,
                    term != null,
                    agreement.renewalOptOut(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    renewedAs(agreement),
                    false,
                    false);
        }
        var renews = behavior.type() == EndTimeBehavior.Type.RENEW;
        var active = agreement.isActive() && now.isBefore(end);
        var priced = renews
                ? Renewals.price(
                        agreement, state.chosenPriceIncrease(), end.plus(Renewals.GAP), settings.invoicingEntity())
                : null;
        var max = term.maxRenewals();
        var deadline = Renewals.adjustmentDeadline(term, end);
        return new RenewalInfo(
                agreement.id(),
                started,
                state.startAnnouncedAt(),
                behavior,
                true,
                agreement.renewalOptOut(),
                priced == null ? null : priced.renewal().startTime(),
                priced == null ? null : priced.priceIncrease(),
                term.priceIncrease(),
                priced == null ? null : priced.charges().agreementValue(),
                max == null ? null : Math.max(0, max - agreement.renewals()),
                Renewals.lockoutStart(term, end),
                deadline,
                state.renewalNoticeSentAt(),
                renewedAs(agreement),
                active && agreement.renewalOptOut() == null && !Renewals.lockedOut(term, end, now),
                active && renews && deadline != null && now.isBefore(deadline));
    }

    /**
     * Switches the agreement's automatic renewal off for the caller's side: the buyer's procurement users for the
     * acceptor, the seller's administrators and offer authors for the proposer. Final: asking again changes nothing.
     */
    @Transactional
    public RenewalInfo optOut(OfferdeskPrincipal me, String agreementId) {
        var read = agreements.agreement(me, agreementId);
        var side = sideOf(me, read);
        var agreement = repository.lock(read.id()).orElseThrow();
        agreement.active();
        var term = renewalTermOf(agreement);
        if (agreement.renewalOptOut() != null) {
            return info(agreement);
        }
        var now = clock.instant();
        checkNotLockedOut(agreement, term, now);
        lifecycle.optOut(agreement.id(), side, now);
        events.publishEvent(new AgreementRenewalOptedOut(
                agreement.id().value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                side.name(),
                me.actor(),
                now));
        return info(repository.find(agreement.id()).orElseThrow());
    }

    /**
     * The seller chooses the price increase of the next renewal within the renewal term's percentage range, until the
     * adjustment deadline; otherwise the range's default applies.
     */
    @Transactional
    public RenewalInfo choosePriceIncrease(OfferdeskPrincipal me, String agreementId, @Nullable BigDecimal percent) {
        var read = agreements.agreement(me, agreementId);
        if (sideOf(me, read) != PartyType.PROPOSER) {
            throw new AccessDeniedException("only the seller chooses the price increase");
        }
        var agreement = repository.lock(read.id()).orElseThrow();
        agreement.active();
        var term = renewalTermOf(agreement);
        var info = info(agreement);
        var range = info.range();
        if (range == null) {
            throw new InvalidInput("priceIncrease", "agreementRenewal.priceIncreaseFixed");
        }
        if (percent == null || percent.compareTo(range.minValue()) < 0 || percent.compareTo(range.maxValue()) > 0) {
            throw new InvalidInput(
                    "priceIncrease",
                    "agreementRenewal.priceIncreaseRange",
                    range.minValue().toPlainString(),
                    range.maxValue().toPlainString());
        }
        var now = clock.instant();
        checkNotLockedOut(agreement, term, now);
        var deadline = Objects.requireNonNull(info.adjustmentDeadline(), "a range has a deadline");
        if (!now.isBefore(deadline)) {
            throw new InvalidInput("priceIncrease", "agreementRenewal.adjustmentDeadlinePassed", deadline);
        }
        lifecycle.choosePriceIncrease(agreement.id(), percent, now);
        events.publishEvent(new AgreementRenewalPriceAdjusted(
                agreement.id().value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                percent,
                me.actor(),
                now));
        return info(repository.find(agreement.id()).orElseThrow());
    }

    /** One agreement that will renew soon, with its renewal. */
    public record UpcomingRenewal(Agreement agreement, RenewalInfo renewal) {}

    /** The seller's active agreements that will renew automatically within {@code days}, soonest first. */
    @Transactional(readOnly = true)
    public List<UpcomingRenewal> upcoming(OfferdeskPrincipal me, int days) {
        if (days < 1 || days > UPCOMING_DAYS_MAX) {
            throw new InvalidInput("days", "validation.range", 1, UPCOMING_DAYS_MAX);
        }
        var now = clock.instant();
        var filter = AgreementFilter.activeEnding(PartyType.PROPOSER, now, now.plus(Duration.ofDays(days)));
        return agreements.searchAll(me, filter).stream()
                .filter(a -> a.endTimeBehavior().type() == EndTimeBehavior.Type.RENEW)
                .map(a -> new UpcomingRenewal(a, info(a)))
                .toList();
    }

    private static @Nullable AgreementId renewedAs(Agreement agreement) {
        return agreement.status() instanceof AgreementStatus.Renewed renewed ? renewed.renewal() : null;
    }

    /** The side the caller acts for on this agreement, if their role lets them steer its renewal. */
    private static PartyType sideOf(OfferdeskPrincipal me, Agreement agreement) {
        if (me.partyId().equals(agreement.acceptorPartyId()) && me.has(Role.PROCUREMENT)) {
            return PartyType.ACCEPTOR;
        }
        if (me.partyId().equals(agreement.proposerPartyId()) && (me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR))) {
            return PartyType.PROPOSER;
        }
        throw new AccessDeniedException("only the buyer's procurement users and the seller's administrators and"
                + " offer authors steer an agreement's renewal");
    }

    private static RenewalTerm renewalTermOf(Agreement agreement) {
        return agreement
                .term(RenewalTerm.class)
                .orElseThrow(() -> new InvalidInput("agreementId", "agreementRenewal.noRenewalTerm", agreement.id()));
    }

    private static void checkNotLockedOut(Agreement agreement, RenewalTerm term, Instant now) {
        var end = agreement.endTime();
        var lockout = end == null ? null : Renewals.lockoutStart(term, end);
        if (lockout != null && !now.isBefore(lockout)) {
            throw RefusalReason.RENEWAL_LOCKOUT_PERIOD.at(
                    "agreementId", agreement.id().value(), lockout);
        }
    }
}
