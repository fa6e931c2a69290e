package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.AgreementRequestId;
import io.offerdesk.agreements.AgreementStatus;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.EndTimeBehavior;
import io.offerdesk.agreements.Wholesale;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.agreements.events.AgreementRenewalUpcoming;
import io.offerdesk.agreements.events.AgreementStarted;
import io.offerdesk.agreements.internal.domain.Quotes;
import io.offerdesk.agreements.internal.domain.Renewals;
import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.Actor;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agreements on the clock: a future-dated agreement announces its start on its start date; an agreement that will
 * renew automatically gives both sides notice ({@code offerdesk.agreements.renewal-notice}) before its end; at its
 * end an agreement either renews into a new agreement of the same chain, priced by its renewal term, or expires.
 *
 * <p>Every step is claimed with {@code SKIP LOCKED} and recorded on the agreement, so it happens once whichever node
 * runs it. An end is decided under the buyer account's subscription lock, as acceptance is, so a renewal and an
 * acceptance for the same product never decide at the same time.
 */
@Component
class AgreementLifecycle implements DueWork {

    private static final int BATCH = 200;
    private static final Actor SYSTEM = Actor.system("Agreement lifecycle");

    private final AgreementRepository agreements;
    private final LifecycleRepository lifecycle;
    private final AgreementSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RandomGenerator random = new SecureRandom();

    AgreementLifecycle(
            AgreementRepository agreements,
            LifecycleRepository lifecycle,
            AgreementSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return Stream.of(
                        lifecycle.nextStart(after),
                        lifecycle.nextNotice(after, settings.renewalNotice()),
                        lifecycle.nextEnd(after, Renewals.GAP))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    @Override
    public void runDue(Instant now) {
        inBatches(() -> {
            var started = lifecycle.claimStarts(now, BATCH);
            started.forEach(id -> announceStart(id, now));
            return started.size() == BATCH;
        });
        inBatches(() -> {
            var checked = lifecycle.claimNotices(now, settings.renewalNotice(), BATCH);
            checked.forEach(id -> noticeIfRenewing(id, now));
            return checked.size() == BATCH;
        });
        List<LifecycleRepository.DueEnd> ends;
        do {
            ends = lifecycle.dueEnds(now, BATCH);
            ends.forEach(end -> transactions.executeWithoutResult(status -> endOf(end, now)));
        } while (ends.size() == BATCH);
    }

    /** Runs a claim-and-act batch, each in its own transaction, until one comes back short. */
    private void inBatches(Supplier<Boolean> batch) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> batch.get()));
        }
    }

    private void announceStart(AgreementId id, Instant now) {
        var agreement = agreements.find(id).orElseThrow();
        events.publishEvent(new AgreementStarted(
                id.value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                agreement.productId(),
                agreement.startTime(),
                SYSTEM,
                now));
    }

    private void noticeIfRenewing(AgreementId id, Instant now) {
        var agreement = agreements.find(id).orElseThrow();
        if (agreement.endTimeBehavior().type() != EndTimeBehavior.Type.RENEW) {
            return;
        }
        var priced =
                Renewals.price(agreement, lifecycle.state(id).chosenPriceIncrease(), now, settings.invoicingEntity());
        lifecycle.noticeSent(id);
        var value = priced.charges().agreementValue();
        events.publishEvent(new AgreementRenewalUpcoming(
                id.value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                agreement.productId(),
                priced.renewal().startTime(),
                priced.priceIncrease(),
                value.getCurrencyUnit().getCode(),
                value.getAmount(),
                SYSTEM,
                now));
    }

    /** Renews or expires one agreement whose end has passed, unless another node got there first. */
    private void endOf(LifecycleRepository.DueEnd due, Instant now) {
        agreements.lockSubscription(due.acceptorAccountId(), due.productId());
        if (!lifecycle.claimEnd(due.agreementId(), now)) {
            return;
        }
        var agreement = agreements.find(due.agreementId()).orElseThrow();
        if (agreement.endTimeBehavior().type() == EndTimeBehavior.Type.RENEW) {
            renew(agreement, now);
        } else {
            var expired = agreement.withStatus(agreement.active().expire(now), now);
            persist(expired);
            events.publishEvent(ended(expired, null, now));
        }
    }

    private void renew(Agreement old, Instant now) {
        var priced =
                Renewals.price(old, lifecycle.state(old.id()).chosenPriceIncrease(), now, settings.invoicingEntity());
        var renewal = priced.renewal();
        var id = AgreementId.fresh(random);
        var wholesale = renewedWholesale(old, priced, now);
        var expected = priced.charges().expectedCharges();
        var wholesaleAmounts = wholesale == null
                ? null
                : Quotes.pair(expected, wholesale.charges().expectedCharges());
        var charges = new ArrayList<AgreementCharge>();
        for (int i = 0; i < expected.size(); i++) {
            var c = expected.get(i);
            charges.add(new AgreementCharge(
                    c.id(),
                    1,
                    c.time(),
                    c.amount(),
                    c.timing(),
                    // A charge whose time has come (the upfront price, the first installment, the first billing
                    // period) is due as the renewal is made, as an accepted one is on acceptance.
                    c.time().isAfter(now) ? AgreementCharge.State.SCHEDULED : AgreementCharge.State.DUE,
                    null,
                    wholesaleAmounts == null ? null : wholesaleAmounts.get(i)));
        }
        var renewed = new Agreement(
                id,
                old.initialAgreementId(),
                old.offerId(),
                old.offerSetId(),
                old.productId(),
                old.productType(),
                old.proposerPartyId(),
                old.proposerAccountId(),
                old.publisherPartyId(),
                old.acceptorPartyId(),
                old.acceptorAccountId(),
                old.billingAccountId(),
                // A renewal has no quote of its own; a fresh id keeps every agreement's request id unique.
                AgreementRequestId.fresh(random),
                now,
                renewal.startTime(),
                renewal.endTime(),
                renewal.terms(),
                priced.charges().agreementValue(),
                wholesale == null
                        ? null
                        : new Wholesale(
                                Objects.requireNonNull(old.resaleAuthorizationId()),
                                wholesale.renewal().terms(),
                                wholesale.charges().agreementValue()),
                charges,
                AgreementStatus.ACTIVE,
                old.renewals() + 1,
                null,
                now,
                1);
        agreements.insert(renewed);
        var ended = old.withStatus(old.active().renew(now, id), now);
        persist(ended);
        events.publishEvent(ended(ended, id, now));
        events.publishEvent(Agreements.accepted(renewed, null, old, SYSTEM, now));
        renewed.charges().stream()
                .filter(c -> c.state() == AgreementCharge.State.DUE)
                .forEach(c -> events.publishEvent(Agreements.chargeDue(renewed, c, now)));
    }

    /**
     * The wholesale side of a channel partner private offer's renewal: the wholesale terms renewed over the same dates
     * with the same price increase, so the partner's margin holds; absent for a direct agreement.
     */
    private static Renewals.@Nullable PricedRenewal renewedWholesale(
            Agreement old, Renewals.PricedRenewal buyer, Instant now) {
        var wholesale = old.wholesale();
        if (wholesale == null) {
            return null;
        }
        var currency = old.agreementValue().getCurrencyUnit();
        var renewal = Renewals.renew(
                old.startTime(),
                Objects.requireNonNull(old.endTime()),
                wholesale.terms(),
                currency,
                buyer.priceIncrease());
        var charges = Quotes.charges(
                renewal.terms(),
                currency,
                renewal.startTime(),
                renewal.endTime(),
                now,
                buyer.charges().invoicingEntity());
        return new Renewals.PricedRenewal(renewal, buyer.priceIncrease(), charges);
    }

    private void persist(Agreement changed) {
        if (!agreements.update(changed)) {
            throw new IllegalStateException("agreement " + changed.id() + " changed while claimed");
        }
    }

    private static AgreementEnded ended(Agreement agreement, @Nullable AgreementId successor, Instant now) {
        return new AgreementEnded(
                agreement.id().value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                agreement.status().wireName(),
                successor == null ? null : successor.value(),
                SYSTEM,
                now);
    }
}
