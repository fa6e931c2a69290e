package io.offerdesk.commitments.internal;

import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.commitments.events.CommitmentChanged;
import io.offerdesk.commitments.events.CommitmentMilestoneReached;
import io.offerdesk.commitments.events.CommitmentRecorded;
import io.offerdesk.commitments.internal.domain.CommitmentTerms;
import io.offerdesk.commitments.internal.domain.Drawdown;
import io.offerdesk.commitments.internal.domain.Drawdown.YearProgress;
import io.offerdesk.commitments.internal.domain.Forecast;
import io.offerdesk.commitments.internal.domain.Forecast.FutureCharge;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.Term;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer organization's commitment contracts: recording and changing them (its FINANCE users and marketplace
 * administrators), and reading their progress, forecast and what an offer under review would add (every user of
 * the organization). Another party's commitment is not found.
 */
@Service
public class Commitments {

    /** A commitment with each year's progress and the milestones reached so far. */
    public record View(Commitment commitment, List<YearProgress> years, List<Milestone> reached) {

        /** The year the date falls in, if the contract covers it. */
        public @Nullable YearProgress yearOf(LocalDate date) {
            return years.stream()
                    .filter(y -> y.year().contains(date))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** What an offer under review would add to each commitment of the organization that has not ended. */
    public record Plan(String offerId, String productId, List<FutureCharge> charges, List<Planned> commitments) {}

    public record Planned(Commitment commitment, Forecast.Result forecast) {}

    private final CommitmentRepository repository;
    private final SpendRepository spend;
    private final EligibilityRepository eligibility;
    private final Agreements agreements;
    private final OfferQueries offers;
    private final CatalogManagement catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    Commitments(
            CommitmentRepository repository,
            SpendRepository spend,
            EligibilityRepository eligibility,
            Agreements agreements,
            OfferQueries offers,
            CatalogManagement catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.spend = spend;
        this.eligibility = eligibility;
        this.agreements = agreements;
        this.offers = offers;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** The organization's commitments, the latest start first. */
    @Transactional(readOnly = true)
    public List<View> list(OfferdeskPrincipal me) {
        requireBuyer(me);
        return repository.of(me.partyId()).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public View commitment(OfferdeskPrincipal me, String id) {
        return view(owned(me, id));
    }

    @Transactional
    public View record(OfferdeskPrincipal me, CommitmentTerms.Draft draft) {
        requireWriter(me);
        var terms = CommitmentTerms.of(draft);
        checkNoOverlap(me.partyId(), null, terms);
        var now = clock.instant();
        var commitment = new Commitment(
                RandomIds.of("edp-", 20, random),
                me.partyId(),
                terms,
                now,
                me.actor().name(),
                now,
                1);
        repository.insert(commitment);
        events.publishEvent(new CommitmentRecorded(
                commitment.id(),
                me.partyId(),
                terms.name(),
                terms.currency().getCode(),
                terms.startDate(),
                amounts(terms),
                terms.shareCapPercent(),
                types(terms),
                terms.milestones(),
                me.actor(),
                now));
        raiseMilestones(List.of(me.partyId()));
        return view(commitment);
    }

    /**
     * Replaces the terms of a commitment.
     *
     * @param version the version the caller read; absent, the change applies to whatever is stored
     */
    @Transactional
    public View change(OfferdeskPrincipal me, String id, CommitmentTerms.Draft draft, @Nullable Long version) {
        requireWriter(me);
        var current = owned(me, id);
        var terms = CommitmentTerms.of(draft);
        checkNoOverlap(me.partyId(), id, terms);
        var now = clock.instant();
        var expected = version == null ? current.version() : version;
        if (!repository.update(id, expected, terms, now)) {
            throw new Conflict("commitments.error.changedMeanwhile", id);
        }
        events.publishEvent(new CommitmentChanged(
                id,
                me.partyId(),
                terms.name(),
                terms.currency().getCode(),
                terms.startDate(),
                amounts(terms),
                terms.shareCapPercent(),
                types(terms),
                terms.milestones(),
                me.actor(),
                now));
        raiseMilestones(List.of(me.partyId()));
        return view(owned(me, id));
    }

    /** The lines billed in the commitment's term, each with whether it counts under the contract's rules. */
    @Transactional(readOnly = true)
    public List<Drawdown.Spend> spend(OfferdeskPrincipal me, String id) {
        var terms = owned(me, id).terms();
        return spend.between(me.partyId(), terms.startDate(), terms.endDate());
    }

    /** The commitment's years with what is still to be invoiced by the agreements the organization holds. */
    @Transactional(readOnly = true)
    public Forecast.Result forecast(OfferdeskPrincipal me, String id) {
        var view = commitment(me, id);
        return Forecast.of(view.commitment().terms(), view.years(), scheduled(me), List.of());
    }

    /** How an offer the buyer may see would land in the organization's commitments that have not ended. */
    @Transactional(readOnly = true)
    public Plan plan(OfferdeskPrincipal me, String offerId) {
        requireBuyer(me);
        var offer = offers.forBuyer(me, offerId);
        var type = catalog.find(new ProductId(offer.productId()))
                .orElseThrow(() -> new NotFound("offer", offerId))
                .type();
        var eligible = eligibility.eligible(offer.productId());
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var charges = new ArrayList<FutureCharge>();
        for (var term : offer.terms()) {
            if (term instanceof Term.PaymentScheduleTerm schedule) {
                var currency = CurrencyUnit.of(schedule.currencyCode());
                for (int i = 0; i < schedule.schedule().size(); i++) {
                    var installment = schedule.schedule().get(i);
                    // A past-due first installment is invoiced at acceptance (DESIGN §3).
                    var date = installment.chargeDate().isBefore(today) ? today : installment.chargeDate();
                    charges.add(new FutureCharge(
                            offerId,
                            "installment-" + (i + 1),
                            offer.productId(),
                            type,
                            eligible,
                            date,
                            Money.of(currency, installment.chargeAmount())));
                }
            } else if (term instanceof Term.FixedUpfrontPricingTerm upfront
                    && upfront.price().signum() > 0) {
                charges.add(new FutureCharge(
                        offerId,
                        "upfront",
                        offer.productId(),
                        type,
                        eligible,
                        today,
                        Money.of(CurrencyUnit.of(upfront.currencyCode()), upfront.price())));
            }
        }
        var scheduled = scheduled(me);
        var planned = repository.of(me.partyId()).stream()
                .filter(c -> c.terms().endDate().isAfter(today))
                .map(c -> {
                    var view = view(c);
                    return new Planned(c, Forecast.of(c.terms(), view.years(), scheduled, charges));
                })
                .toList();
        return new Plan(offerId, offer.productId(), charges, planned);
    }

    /**
     * Raises each milestone the organizations' started commitment years reached that was not raised before: after
     * spend was recorded, and after a contract was recorded or changed. Their commitments are read in one go, so that
     * the buyers of an invoicing run's batch, most of whom hold none, cost one query.
     */
    @Transactional
    void raiseMilestones(Collection<UUID> owners) {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (var commitment : repository.ofEach(owners)) {
            if (commitment.terms().startDate().isAfter(today)) {
                continue;
            }
            for (var year : view(commitment).years()) {
                for (var percent : year.reached()) {
                    if (repository.reach(commitment.id(), year.year().number(), percent, year.counted(), now)) {
                        events.publishEvent(new CommitmentMilestoneReached(
                                commitment.id(),
                                commitment.ownerPartyId(),
                                commitment.terms().name(),
                                year.year().number(),
                                year.year().start(),
                                percent,
                                year.counted().getCurrencyUnit().getCode(),
                                year.counted().getAmount(),
                                year.year().cap().getAmount(),
                                now));
                    }
                }
            }
        }
    }

    /** The commitment's progress, whoever owns it: for the drawdown and for the sellers it is shared with. */
    View view(Commitment commitment) {
        var terms = commitment.terms();
        var billed = spend.billedBetween(commitment.ownerPartyId(), terms.startDate(), terms.endDate());
        return new View(commitment, Drawdown.progress(terms, billed), repository.reached(commitment.id()));
    }

    /** The charges still to be invoiced by the organization's active agreements, as the buyer can read them. */
    private List<FutureCharge> scheduled(OfferdeskPrincipal me) {
        var charges = new ArrayList<FutureCharge>();
        var filter = new AgreementFilter(
                PartyType.ACCEPTOR,
                null,
                null,
                null,
                "ACTIVE",
                null,
                null,
                null,
                null,
                null,
                null,
                AgreementFilter.Sort.START_TIME,
                true);
        int offset = 0;
        Agreements.AgreementPage page;
        do {
            page = agreements.search(me, filter, offset, Agreements.PAGE_MAX);
            for (var agreement : page.agreements()) {
                var eligible = eligibility.eligible(agreement.productId());
                for (var charge : agreement.charges()) {
                    if (charge.state() == AgreementCharge.State.SCHEDULED) {
                        charges.add(new FutureCharge(
                                agreement.id().value(),
                                charge.id(),
                                agreement.productId(),
                                agreement.productType(),
                                eligible,
                                LocalDate.ofInstant(charge.time(), ZoneOffset.UTC),
                                charge.amount()));
                    }
                }
            }
            offset += page.agreements().size();
        } while (page.more());
        return charges;
    }

    private Commitment owned(OfferdeskPrincipal me, String id) {
        return repository
                .find(me.partyId(), id)
                .filter(c -> me.partyKind() == PartyKind.BUYER)
                .orElseThrow(() -> new NotFound("commitment", id));
    }

    private void checkNoOverlap(UUID owner, @Nullable String self, CommitmentTerms terms) {
        for (var other : repository.of(owner)) {
            if (!other.id().equals(self) && other.terms().overlaps(terms)) {
                throw new InvalidInput(
                        "startDate", "commitments.error.overlaps", other.terms().name());
            }
        }
    }

    static void requireBuyer(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.BUYER) {
            throw new AccessDeniedException("spend commitments belong to buyer organizations");
        }
    }

    /** Whether the user may record and change the organization's commitments. */
    public static boolean mayWrite(OfferdeskPrincipal me) {
        return me.partyKind() == PartyKind.BUYER && (me.has(Role.FINANCE) || me.has(Role.MARKETPLACE_ADMIN));
    }

    private static void requireWriter(OfferdeskPrincipal me) {
        if (!mayWrite(me)) {
            throw new AccessDeniedException("the organization's finance users and administrators keep commitments");
        }
    }

    private static List<BigDecimal> amounts(CommitmentTerms terms) {
        return terms.yearlyCommitments().stream().map(Money::getAmount).toList();
    }

    private static List<String> types(CommitmentTerms terms) {
        return terms.excludedTypes().stream().map(Enum::name).sorted().toList();
    }
}
