package io.offerdesk.analytics.internal.domain;

import io.offerdesk.invoicing.SettlementFacts.FeeItem;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The marketplace's listing-fee revenue: the fees charged less the fees credit memos gave back, per month, product
 * type and seller (the ISV that paid them), and per month beside what the ledger's fee revenue account took in that
 * month, which it must equal.
 */
public final class FeeRevenue {

    private FeeRevenue() {}

    /** What one seller paid for one product type in one month. */
    public record Line(YearMonth month, CurrencyUnit currency, String productType, UUID sellerPartyId, Money amount) {}

    /**
     * One month and currency.
     *
     * @param fees the sum of the month's fee items
     * @param ledger what the fee revenue account took in that month (credits − debits of its movements)
     */
    public record Month(YearMonth month, CurrencyUnit currency, Money fees, Money ledger) {

        public boolean tiesOut() {
            return fees.equals(ledger);
        }
    }

    /** The fee items summed per month, currency, product type and seller, in that order. */
    public static List<Line> lines(List<FeeItem> items, Function<String, String> productTypeOf) {
        var sums = new TreeMap<String, Line>();
        for (var item : items) {
            var month = month(item);
            var type = productTypeOf.apply(item.productId());
            var key = month + "|" + item.currency().getCode() + "|" + type + "|" + item.payerPartyId();
            sums.merge(
                    key,
                    new Line(month, item.currency(), type, item.payerPartyId(), item.fee()),
                    (a, b) -> new Line(
                            a.month(),
                            a.currency(),
                            a.productType(),
                            a.sellerPartyId(),
                            a.amount().plus(b.amount())));
        }
        return List.copyOf(sums.values());
    }

    /**
     * Each month and currency that has fee items or ledger movements, from the fee items and the ledger's revenue per
     * month and currency code.
     */
    public static List<Month> months(List<FeeItem> items, Map<YearMonth, Map<CurrencyUnit, Money>> ledger) {
        var fees = new TreeMap<YearMonth, TreeMap<String, Money>>();
        for (var item : items) {
            fees.computeIfAbsent(month(item), m -> new TreeMap<>())
                    .merge(item.currency().getCode(), item.fee(), Money::plus);
        }
        var all = new TreeMap<YearMonth, TreeMap<String, CurrencyUnit>>();
        fees.forEach((month, byCurrency) -> byCurrency.forEach((code, amount) ->
                all.computeIfAbsent(month, m -> new TreeMap<>()).put(code, amount.getCurrencyUnit())));
        ledger.forEach((month, byCurrency) -> byCurrency.forEach((currency, amount) ->
                all.computeIfAbsent(month, m -> new TreeMap<>()).put(currency.getCode(), currency)));
        var months = new ArrayList<Month>();
        all.forEach((month, currencies) -> currencies.forEach((code, currency) -> {
            var zero = Money.zero(currency);
            months.add(new Month(
                    month,
                    currency,
                    fees.getOrDefault(month, new TreeMap<>()).getOrDefault(code, zero),
                    ledger.getOrDefault(month, Map.of()).getOrDefault(currency, zero)));
        }));
        return List.copyOf(months);
    }

    private static YearMonth month(FeeItem item) {
        return YearMonth.from(item.at().atZone(ZoneOffset.UTC));
    }
}
