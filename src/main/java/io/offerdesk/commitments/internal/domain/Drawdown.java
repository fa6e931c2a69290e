package io.offerdesk.commitments.internal.domain;

import io.offerdesk.catalog.ProductType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/**
 * How billed spend draws a commitment down: each invoice line counts by its invoice date in the contract year that
 * holds the date, when its product is eligible (the operator's flag) and its type is not excluded; a year's counted
 * spend is its eligible spend (credit memos lower it) kept between zero and the year's cap.
 */
public final class Drawdown {

    private Drawdown() {}

    /**
     * One billed line: positive on an invoice, negative on a credit memo.
     *
     * @param productEligible the operator's flag when the document was issued
     */
    public record Spend(
            String invoiceId,
            int lineNo,
            LocalDate invoiceDate,
            String agreementId,
            String productId,
            ProductType productType,
            boolean productEligible,
            Money amount) {}

    /**
     * What progress reads of billed spend: an amount billed on a day for a product type, eligible or not. A line is
     * one; the lines of a day, type and eligibility may be summed into one, which gives the same progress.
     */
    public record Billed(LocalDate invoiceDate, ProductType productType, boolean productEligible, Money amount) {}

    /**
     * A year's progress.
     *
     * @param eligible the eligible spend billed in the year, before the cap (raw)
     * @param excluded the spend billed in the year that does not count (excluded type or ineligible product)
     * @param counted what retires the commitment: the eligible spend kept between zero and the cap
     * @param headroom what more may still count this year: the cap less what counted
     * @param percentOfCap counted as a whole percent of the cap, rounded down
     * @param reached the contract's milestones the counted spend has reached
     */
    public record YearProgress(
            CommitmentYear year,
            Money eligible,
            Money excluded,
            Money counted,
            Money headroom,
            int percentOfCap,
            List<Integer> reached) {

        public YearProgress {
            reached = List.copyOf(reached);
        }
    }

    public static List<YearProgress> progress(CommitmentTerms terms, List<Billed> billed) {
        var progress = new ArrayList<YearProgress>();
        for (var year : terms.years()) {
            var zero = Money.zero(terms.currency());
            var eligible = zero;
            var excluded = zero;
            for (var amount : billed) {
                if (!year.contains(amount.invoiceDate())
                        || !amount.amount().getCurrencyUnit().equals(terms.currency())) {
                    continue;
                }
                if (terms.counts(amount.productType(), amount.productEligible())) {
                    eligible = eligible.plus(amount.amount());
                } else {
                    excluded = excluded.plus(amount.amount());
                }
            }
            progress.add(of(terms, year, eligible, excluded));
        }
        return List.copyOf(progress);
    }

    static YearProgress of(CommitmentTerms terms, CommitmentYear year, Money eligible, Money excluded) {
        var counted = capped(eligible, year.cap());
        return new YearProgress(
                year,
                eligible,
                excluded,
                counted,
                year.cap().minus(counted),
                percent(counted, year.cap()),
                terms.milestones().stream()
                        .filter(m -> reached(counted, year.cap(), m))
                        .toList());
    }

    /** Kept between zero and the cap. */
    public static Money capped(Money eligible, Money cap) {
        if (eligible.isNegative()) {
            return eligible.multipliedBy(0);
        }
        return eligible.isGreaterThan(cap) ? cap : eligible;
    }

    /** Whether counted spend has reached {@code milestone} percent of the cap, exactly (no rounding). */
    public static boolean reached(Money counted, Money cap, int milestone) {
        return counted.getAmount()
                        .multiply(BigDecimal.valueOf(100))
                        .compareTo(cap.getAmount().multiply(BigDecimal.valueOf(milestone)))
                >= 0;
    }

    static int percent(Money counted, Money cap) {
        return counted.getAmount()
                .multiply(BigDecimal.valueOf(100))
                .divide(cap.getAmount(), 0, RoundingMode.DOWN)
                .intValueExact();
    }
}
