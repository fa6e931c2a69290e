package io.offerdesk.commitments.internal.domain;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.commitments.internal.domain.Drawdown.YearProgress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Where charges not yet invoiced land: each in the contract year that holds its charge date (its future invoice
 * date), counting or not by the contract's rules, and what each year would then count, capped. The planner adds an
 * offer's schedule as {@code planned} charges beside the scheduled ones of the agreements the buyer holds.
 */
public final class Forecast {

    private Forecast() {}

    /**
     * A charge to come.
     *
     * @param source the agreement that will invoice it, or the offer under review
     * @param productEligible the operator's flag now
     */
    public record FutureCharge(
            String source,
            String chargeId,
            String productId,
            ProductType productType,
            boolean productEligible,
            LocalDate date,
            Money amount) {}

    /**
     * A charge in its year.
     *
     * @param year the contract year it falls into; absent when it falls outside the contract
     * @param counts whether it would count (eligible product, type not excluded)
     * @param planned from the offer under review rather than an agreement held
     */
    public record Placed(FutureCharge charge, @Nullable Integer year, boolean counts, boolean planned) {}

    /**
     * A year's forecast.
     *
     * @param scheduledEligible the eligible charges of agreements held that are still to be invoiced in the year
     * @param scheduledExcluded those that will not count
     * @param plannedEligible the eligible charges of the offer under review in the year
     * @param projectedCounted what the year would count with all of them, capped
     * @param projectedHeadroom the cap less that
     */
    public record Year(
            YearProgress progress,
            Money scheduledEligible,
            Money scheduledExcluded,
            Money plannedEligible,
            Money plannedExcluded,
            Money projectedCounted,
            Money projectedHeadroom) {}

    public record Result(List<Year> years, List<Placed> charges) {
        public Result {
            years = List.copyOf(years);
            charges = List.copyOf(charges);
        }
    }

    public static Result of(
            CommitmentTerms terms,
            List<YearProgress> progress,
            List<FutureCharge> scheduled,
            List<FutureCharge> planned) {
        var placed = new ArrayList<Placed>();
        for (var charge : scheduled) {
            placed.add(place(terms, charge, false));
        }
        for (var charge : planned) {
            placed.add(place(terms, charge, true));
        }
        placed.sort((a, b) -> a.charge().date().compareTo(b.charge().date()));
        var years = new ArrayList<Year>();
        for (var now : progress) {
            var zero = Money.zero(terms.currency());
            Money[] sums = {zero, zero, zero, zero};
            for (var p : placed) {
                if (p.year() != null && p.year() == now.year().number()) {
                    int at = (p.planned() ? 2 : 0) + (p.counts() ? 0 : 1);
                    sums[at] = sums[at].plus(p.charge().amount());
                }
            }
            var projected = Drawdown.capped(
                    now.eligible().plus(sums[0]).plus(sums[2]), now.year().cap());
            years.add(new Year(
                    now,
                    sums[0],
                    sums[1],
                    sums[2],
                    sums[3],
                    projected,
                    now.year().cap().minus(projected)));
        }
        return new Result(years, placed);
    }

    private static Placed place(CommitmentTerms terms, FutureCharge charge, boolean planned) {
        var year = charge.amount().getCurrencyUnit().equals(terms.currency()) ? terms.yearOf(charge.date()) : null;
        return new Placed(
                charge,
                year == null ? null : year.number(),
                year != null && terms.counts(charge.productType(), charge.productEligible()),
                planned);
    }
}
