package io.offerdesk.commitments.internal.costcenters.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A month's chargeback: every invoice line of the organization goes to one cost center, or to none ("unassigned"). A
 * usage line whose allocation tags map to a cost center goes there; any other line (and a usage line whose tags map to
 * none) follows its agreement's cost center. Each line carries its own tax, so the cost centers' totals, unassigned
 * included, add up to the month's invoice totals exactly: nothing is rounded here.
 */
public final class Chargeback {

    private Chargeback() {}

    /** Why a line went where it went. */
    public enum Basis {
        ALLOCATION_TAG,
        AGREEMENT,
        UNASSIGNED
    }

    /**
     * One invoice line as the chargeback needs it. A credit memo's line comes negated: it gives back what was charged.
     *
     * @param allocationTags a usage line's allocation tags; empty on other lines
     */
    public record Line(
            String invoiceId,
            String invoiceNumber,
            int lineNo,
            String agreementId,
            String productId,
            String description,
            Money amount,
            Money tax,
            Map<String, String> allocationTags) {

        public Line {
            allocationTags = Map.copyOf(allocationTags);
            if (!amount.getCurrencyUnit().equals(tax.getCurrencyUnit())) {
                throw new IllegalArgumentException("a line's amount and tax share one currency");
            }
        }

        public Money total() {
            return amount.plus(tax);
        }
    }

    /** Usage allocated with the tag {@code key=value} goes to the cost center. */
    public record TagRule(String key, String value, String costCenterId) {}

    public record Allocated(Line line, @Nullable String costCenterId, Basis basis) {}

    /**
     * One cost center's sums in one currency.
     *
     * @param costCenterId absent for what no cost center was assigned
     * @param byAgreement the pre-tax amount of the lines that followed their agreement
     * @param allocatedUsage the pre-tax amount of the usage lines that went by their allocation tags
     */
    public record Total(
            @Nullable String costCenterId,
            CurrencyUnit currency,
            Money byAgreement,
            Money allocatedUsage,
            Money tax,
            Money total) {}

    /** The month's lines, each with its cost center, and the totals per cost center and currency. */
    public record Report(YearMonth month, List<Allocated> lines, List<Total> totals) {
        public Report {
            lines = List.copyOf(lines);
            totals = List.copyOf(totals);
        }

        /** Every cost center's total in the currency, unassigned included: the month's invoice totals. */
        public Money total(CurrencyUnit currency) {
            return totals.stream()
                    .filter(t -> t.currency().equals(currency))
                    .map(Total::total)
                    .reduce(Money.zero(currency), Money::plus);
        }
    }

    /**
     * Allocates the lines.
     *
     * @param agreements each assigned agreement's cost center
     * @param tags the organization's tag rules; a usage line with several tags that map goes by the first of its tag
     *     keys in alphabetical order, so the same line always lands in the same place
     * @param order the cost centers' order in the totals (by code); unassigned comes last
     */
    public static Report of(
            YearMonth month,
            List<Line> lines,
            Map<String, String> agreements,
            List<TagRule> tags,
            Comparator<String> order) {
        var rules = new LinkedHashMap<String, String>();
        tags.forEach(rule -> rules.put(rule.key() + "\u0000" + rule.value(), rule.costCenterId()));
        var allocated = new ArrayList<Allocated>();
        for (var line : lines) {
            allocated.add(allocate(line, agreements, rules));
        }
        return new Report(month, allocated, totals(allocated, order));
    }

    static Allocated allocate(Line line, Map<String, String> agreements, Map<String, String> rules) {
        var byTag = line.allocationTags().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(tag -> rules.get(tag.getKey() + "\u0000" + tag.getValue()))
                .filter(Objects::nonNull)
                .findFirst();
        if (byTag.isPresent()) {
            return new Allocated(line, byTag.get(), Basis.ALLOCATION_TAG);
        }
        var byAgreement = agreements.get(line.agreementId());
        return byAgreement == null
                ? new Allocated(line, null, Basis.UNASSIGNED)
                : new Allocated(line, byAgreement, Basis.AGREEMENT);
    }

    private static List<Total> totals(List<Allocated> allocated, Comparator<String> order) {
        record Key(@Nullable String costCenterId, CurrencyUnit currency) {}
        var sums = new LinkedHashMap<Key, Money[]>();
        for (var a : allocated) {
            var currency = a.line().amount().getCurrencyUnit();
            var sum = sums.computeIfAbsent(new Key(a.costCenterId(), currency), k ->
                    new Money[] {Money.zero(currency), Money.zero(currency), Money.zero(currency)});
            if (a.basis() == Basis.ALLOCATION_TAG) {
                sum[1] = sum[1].plus(a.line().amount());
            } else {
                sum[0] = sum[0].plus(a.line().amount());
            }
            sum[2] = sum[2].plus(a.line().tax());
        }
        Comparator<Key> byCostCenter = Comparator.comparing(Key::costCenterId, Comparator.nullsLast(order));
        return sums.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        byCostCenter.thenComparing(k -> k.currency().getCode())))
                .map(e -> new Total(
                        e.getKey().costCenterId(),
                        e.getKey().currency(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[0].plus(e.getValue()[1]).plus(e.getValue()[2])))
                .toList();
    }
}
