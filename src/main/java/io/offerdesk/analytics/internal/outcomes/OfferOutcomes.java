package io.offerdesk.analytics.internal.outcomes;

import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.EndTimeBehavior;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.domain.Grouping;
import io.offerdesk.analytics.internal.domain.Reconciliation;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Dimension;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Funnel;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Pattern;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Stats;
import io.offerdesk.commitments.CommitmentContributions;
import io.offerdesk.disbursement.PayoutFacts;
import io.offerdesk.invoicing.SettlementFacts;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offer analytics of a seller or channel partner (ADR 0034). A seller's view holds its own offers and the CPPOs
 * partners made of its products (marked by their path); a partner's view its own CPPOs. The cohort of a period is the
 * offers drafted in its months; their outcomes count whenever they happened, so a period's numbers settle as its
 * offers are decided.
 */
@Service
public class OfferOutcomes {

    /** How many months ahead of the current one the renewal calendar looks. */
    public static final int CALENDAR_MONTHS = 12;

    /** The outcome reports of a period. */
    public record Report(
            YearMonth from,
            YearMonth to,
            Funnel funnel,
            Map<Dimension, List<Stats>> byDimension,
            List<Pattern> library,
            List<OfferOutcome> offers) {}

    /**
     * One month's money in one currency.
     *
     * @param booked the value of the agreements accepted in the month, at the buyer's price
     * @param billed the party's part of what was invoiced, as the reconciliation report has it (a CPPO's wholesale
     *     part for the ISV, the markup for the partner); so are collected and disbursed
     */
    public record MoneyRow(YearMonth month, Money booked, Money billed, Money collected, Money disbursed) {

        MoneyRow plus(MoneyRow other) {
            return new MoneyRow(
                    month,
                    booked.plus(other.booked),
                    billed.plus(other.billed),
                    collected.plus(other.collected),
                    disbursed.plus(other.disbursed));
        }
    }

    public record MoneyTable(CurrencyUnit currency, List<MoneyRow> rows, MoneyRow total) {}

    /** What happens to an agreement at its end, for the renewal calendar. */
    public enum RenewalState {
        RENEWS_AUTOMATICALLY,
        RENEWAL_DRAFTED,
        NONE
    }

    /** An agreement ending in the calendar's window; {@code renewalOfferId} is the drafted renewal's offer. */
    public record Ending(
            String agreementId,
            String productId,
            Instant endTime,
            Money value,
            RenewalState state,
            @Nullable String renewalOfferId) {}

    public record CalendarMonth(YearMonth month, List<Ending> agreements) {

        public long count(RenewalState state) {
            return agreements.stream().filter(a -> a.state() == state).count();
        }
    }

    private final OutcomeRepository outcomes;
    private final CommitmentContributions contributions;
    private final SettlementFacts settlements;
    private final PayoutFacts payouts;
    private final Agreements agreements;
    private final Clock clock;

    OfferOutcomes(
            OutcomeRepository outcomes,
            CommitmentContributions contributions,
            SettlementFacts settlements,
            PayoutFacts payouts,
            Agreements agreements,
            Clock clock) {
        this.outcomes = outcomes;
        this.contributions = contributions;
        this.settlements = settlements;
        this.payouts = payouts;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** Every user of a seller or channel partner reads its offer analytics; anyone else is refused (403). */
    public static boolean mayRead(OfferdeskPrincipal me) {
        return me.partyKind() == PartyKind.SELLER || me.partyKind() == PartyKind.CHANNEL_PARTNER;
    }

    /** Funnel, outcomes by every dimension, the strategy library and the offers of the cohort. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report(OfferdeskPrincipal me, YearMonth from, YearMonth to) {
        check(me);
        Reports.checkRange(from, to);
        var cohort = outcomes.outcomes(me.partyId(), from, to);
        var byDimension = new EnumMap<Dimension, List<Stats>>(Dimension.class);
        for (var dimension : Dimension.values()) {
            byDimension.put(dimension, OutcomeStatistics.by(dimension, cohort));
        }
        return new Report(
                from, to, OutcomeStatistics.funnel(cohort), byDimension, OutcomeStatistics.library(cohort), cohort);
    }

    /**
     * Booked against billed, collected and disbursed per month and currency. Billed, collected and disbursed are the
     * reconciliation report's figures for the party as payee (ADR 0022), not computed again.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<MoneyTable> money(OfferdeskPrincipal me, YearMonth from, YearMonth to) {
        check(me);
        Reports.checkRange(from, to);
        var party = me.partyId();
        var byCurrency = new TreeMap<String, TreeMap<YearMonth, MoneyRow>>();
        for (var table : Reconciliation.tables(
                settlements.figures(party, from, to), payouts.disbursed(party, from, to), Grouping.MONTH)) {
            var zero = Money.zero(table.currency());
            for (var row : table.rows()) {
                var month = YearMonth.parse(row.key());
                add(byCurrency, new MoneyRow(month, zero, row.billed(), row.collected(), row.disbursed()));
            }
        }
        for (var booked : outcomes.booked(party, from, to)) {
            var zero = Money.zero(booked.value().getCurrencyUnit());
            add(byCurrency, new MoneyRow(booked.month(), booked.value(), zero, zero, zero));
        }
        var tables = new ArrayList<MoneyTable>();
        byCurrency.forEach((code, rows) -> {
            var currency = CurrencyUnit.of(code);
            var zero = Money.zero(currency);
            var total = rows.values().stream().reduce(new MoneyRow(to, zero, zero, zero, zero), MoneyRow::plus);
            tables.add(new MoneyTable(currency, List.copyOf(rows.values()), total));
        });
        return List.copyOf(tables);
    }

    /**
     * EDP contribution: per month and currency, what buyers were billed on the agreements of the party's view and how
     * much of it counted toward their spend commitments, as the commitments module reckons it.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<CommitmentContributions.Contribution> edpContribution(
            OfferdeskPrincipal me, YearMonth from, YearMonth to) {
        check(me);
        Reports.checkRange(from, to);
        return contributions.of(outcomes.agreementIds(me.partyId()), from, to);
    }

    /**
     * The party's active agreements ending from now to the end of the {@link #CALENDAR_MONTHS}th month after this one,
     * by month, each with what happens at its end.
     */
    @Transactional(readOnly = true)
    public List<CalendarMonth> renewalCalendar(OfferdeskPrincipal me) {
        check(me);
        var now = clock.instant();
        var first = YearMonth.from(now.atZone(ZoneOffset.UTC));
        var until = first.plusMonths(CALENDAR_MONTHS + 1L)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        var filter = AgreementFilter.activeEnding(PartyType.PROPOSER, now, until);
        var ending = agreements.searchAll(me, filter);
        var drafts = outcomes.renewalDrafts(
                me.partyId(), ending.stream().map(a -> a.id().value()).toList());
        var months = new TreeMap<YearMonth, List<Ending>>();
        for (int i = 0; i <= CALENDAR_MONTHS; i++) {
            months.put(first.plusMonths(i), new ArrayList<>());
        }
        for (var agreement : ending) {
            var end = agreement.endTime();
            if (end == null) {
                continue;
            }
            var draft = drafts.get(agreement.id().value());
            var state = agreement.endTimeBehavior().type() == EndTimeBehavior.Type.RENEW
                    ? RenewalState.RENEWS_AUTOMATICALLY
                    : draft != null ? RenewalState.RENEWAL_DRAFTED : RenewalState.NONE;
            months.computeIfAbsent(YearMonth.from(end.atZone(ZoneOffset.UTC)), m -> new ArrayList<>())
                    .add(new Ending(
                            agreement.id().value(),
                            agreement.productId(),
                            end,
                            agreement.agreementValue(),
                            state,
                            draft));
        }
        return months.entrySet().stream()
                .map(e -> new CalendarMonth(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private static void add(TreeMap<String, TreeMap<YearMonth, MoneyRow>> byCurrency, MoneyRow row) {
        byCurrency
                .computeIfAbsent(row.booked().getCurrencyUnit().getCode(), c -> new TreeMap<>())
                .merge(row.month(), row, MoneyRow::plus);
    }

    private static void check(OfferdeskPrincipal me) {
        if (!mayRead(me)) {
            throw new AccessDeniedException("offer analytics are a seller's or channel partner's");
        }
    }
}
