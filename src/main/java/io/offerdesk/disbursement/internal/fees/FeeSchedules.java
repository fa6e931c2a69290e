package io.offerdesk.disbursement.internal.fees;

import io.offerdesk.disbursement.AgreementFee;
import io.offerdesk.disbursement.events.ListingFeeScheduleChanged;
import io.offerdesk.disbursement.internal.fees.domain.FeeRules;
import io.offerdesk.disbursement.internal.fees.domain.FeeSchedule;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listing-fee schedule, which the operator keeps: versions are added to take effect from now or later and
 * withdrawn only before they take effect, so the fee an agreement took at acceptance always names a version as it was.
 * Everyone signed in may read the schedule (sellers price their offers by it); fees of agreements are shown to their
 * seller of record, their ISV and the operator.
 */
@Service
public class FeeSchedules {

    private final FeeScheduleRepository schedules;
    private final AgreementFees fees;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    FeeSchedules(FeeScheduleRepository schedules, AgreementFees fees, ApplicationEventPublisher events, Clock clock) {
        this.schedules = schedules;
        this.fees = fees;
        this.events = events;
        this.clock = clock;
    }

    /** Every version, the latest effective first. */
    @Transactional(readOnly = true)
    public List<FeeSchedule> versions() {
        return schedules.all();
    }

    @Transactional(readOnly = true)
    public FeeSchedule inForce() {
        return schedules.inForce(clock.instant()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public FeeSchedule version(String id) {
        return schedules.find(id).orElseThrow(() -> new NotFound("listing-fee-schedule", id));
    }

    /**
     * Adds a version taking effect at {@code draft.effectiveFrom}.
     *
     * @throws io.offerdesk.shared.InvalidInput naming each broken field
     * @throws Conflict {@code fees.effectiveFromTaken} when a version takes effect at that instant already
     */
    @Transactional
    public FeeSchedule add(OfferdeskPrincipal me, FeeRules.Draft draft) {
        requireOperator(me);
        var now = clock.instant();
        var schedule = FeeRules.check(
                draft, RandomIds.of("fees-", 17, random), now, me.actor().name());
        if (schedules.existsAt(schedule.effectiveFrom())) {
            throw new Conflict("fees.effectiveFromTaken", schedule.effectiveFrom());
        }
        schedules.insert(schedule);
        events.publishEvent(new ListingFeeScheduleChanged(
                schedule.id(), schedule.effectiveFrom(), false, schedule.rates(), me.actor(), now));
        return schedule;
    }

    /**
     * Withdraws a version before it takes effect.
     *
     * @throws Conflict {@code fees.inForce} when it took effect already
     */
    @Transactional
    public void withdraw(OfferdeskPrincipal me, String id) {
        requireOperator(me);
        var schedule = version(id);
        var now = clock.instant();
        if (!schedules.deleteFuture(id, now)) {
            throw new Conflict("fees.inForce", id);
        }
        events.publishEvent(new ListingFeeScheduleChanged(
                schedule.id(), schedule.effectiveFrom(), true, schedule.rates(), me.actor(), now));
    }

    /** The fee of an agreement, for its seller of record, its ISV and the operator; 404 for anyone else. */
    @Transactional(readOnly = true)
    public AgreementFee agreementFee(OfferdeskPrincipal me, String agreementId) {
        return fees.rateFor(agreementId)
                .filter(fee -> me.isOperator()
                        || fee.sellerPartyId().equals(me.partyId())
                        || fee.publisherPartyId().equals(me.partyId()))
                .orElseThrow(() -> new NotFound("agreement", agreementId));
    }

    private static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("the listing-fee schedule is kept by the marketplace operator");
        }
    }
}
