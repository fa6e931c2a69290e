package io.offerdesk.invoicing.internal.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Billed revenue and receivables of one currency by month, and what is open today by age: the figures of the revenue
 * page and API, shaped from what the read model sums up per month and per due date.
 */
public final class Receivables {

    private Receivables() {}

    /**
     * What happened to a seller's invoices in one month, all amounts including tax.
     *
     * @param billed the totals of the invoices issued
     * @param credited the totals of the credit memos issued against them
     * @param collected what was applied to them from payments and credit, less what was refunded
     * @param resoldWholesale for the ISV, the wholesale part of its products' lines on partners' invoices (credit memo
     *     lines taken off); zero for everyone else
     */
    public record MonthFigures(YearMonth month, Money billed, Money credited, Money collected, Money resoldWholesale) {

        public static MonthFigures none(YearMonth month, CurrencyUnit currency) {
            var zero = Money.zero(currency);
            return new MonthFigures(month, zero, zero, zero, zero);
        }
    }

    /**
     * One month of the series.
     *
     * @param openAtEnd what buyers still owed on the seller's invoices at the end of the month
     */
    public record Month(
            YearMonth month, Money billed, Money credited, Money collected, Money openAtEnd, Money resoldWholesale) {}

    /** An amount still open on invoices due on one day. */
    public record OpenAmount(LocalDate dueDate, Money open) {}

    /**
     * Every month from {@code from} to {@code to}, months without figures as zeros. What is open at a month's end is
     * what was open before plus what was billed, less what was credited and collected: an invoice's open amount is its
     * total less credit memos and payments plus refunds, and the series adds those up in time.
     *
     * @param openBefore what was open at the start of {@code from}
     * @param figures at most one per month, each within the range
     */
    public static List<Month> months(YearMonth from, YearMonth to, Money openBefore, List<MonthFigures> figures) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the series ends before it starts: " + from + " to " + to);
        }
        var currency = openBefore.getCurrencyUnit();
        var byMonth = new HashMap<YearMonth, MonthFigures>();
        for (var f : figures) {
            if (f.month().isBefore(from) || f.month().isAfter(to)) {
                throw new IllegalArgumentException(f.month() + " is outside " + from + " to " + to);
            }
            if (byMonth.put(f.month(), f) != null) {
                throw new IllegalArgumentException("two figures for " + f.month());
            }
        }
        var months = new ArrayList<Month>();
        var open = openBefore;
        for (var m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            var f = byMonth.getOrDefault(m, MonthFigures.none(m, currency));
            open = open.plus(f.billed()).minus(f.credited()).minus(f.collected());
            months.add(new Month(m, f.billed(), f.credited(), f.collected(), open, f.resoldWholesale()));
        }
        return months;
    }

    /** The open amounts by bucket on {@code today}, every bucket present (zero when nothing is in it). */
    public static Map<AgingBucket, Money> aging(CurrencyUnit currency, List<OpenAmount> open, LocalDate today) {
        var buckets = new EnumMap<AgingBucket, Money>(AgingBucket.class);
        for (var bucket : AgingBucket.values()) {
            buckets.put(bucket, Money.zero(currency));
        }
        for (var amount : open) {
            buckets.merge(AgingBucket.of(amount.dueDate(), today), amount.open(), Money::plus);
        }
        return buckets;
    }
}
