package io.offerdesk.analytics.internal.domain;

import io.offerdesk.disbursement.PayoutFacts.DisbursedMonth;
import io.offerdesk.invoicing.SettlementFacts.PayeeFigures;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.LedgerAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The reconciliation report: the payees' figures and what was disbursed to them, summed per currency into rows by a
 * {@link Grouping}, with totals; and the tie-out of each payable account: what collections left it (collected less
 * fees, clawbacks and returned fees) less what was disbursed must be its balance in the ledger. Disbursements belong
 * to a payee, not to a product or a line, so they land on the row of their month or payee (or seller, partner), and
 * on the "none" row when grouped by product.
 */
public final class Reconciliation {

    private Reconciliation() {}

    /** The key of a row that has no value for the grouping, e.g. the partner of direct sales. */
    public static final String NONE = "";

    /**
     * One row: the sums of its figures.
     *
     * @param key the month (yyyy-MM), party id, product id or {@link #NONE}
     * @param payable what the row's figures moved on the payees' payables and left there: collected − fees − clawed
     *     back + fees returned − disbursed
     */
    public record Row(
            String key,
            Money billed,
            Money credited,
            Money collected,
            Money fees,
            Money clawedBack,
            Money feesReturned,
            Money disbursed) {

        static Row zero(String key, CurrencyUnit currency) {
            var zero = Money.zero(currency);
            return new Row(key, zero, zero, zero, zero, zero, zero, zero);
        }

        public Money payable() {
            return collected.minus(fees).minus(clawedBack).plus(feesReturned).minus(disbursed);
        }

        Row plus(Row other) {
            return new Row(
                    key,
                    billed.plus(other.billed),
                    credited.plus(other.credited),
                    collected.plus(other.collected),
                    fees.plus(other.fees),
                    clawedBack.plus(other.clawedBack),
                    feesReturned.plus(other.feesReturned),
                    disbursed.plus(other.disbursed));
        }
    }

    /** One currency's rows, in key order, and their total. */
    public record Table(CurrencyUnit currency, List<Row> rows, Row total) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One payable account's tie-out, over all time.
     *
     * @param left what collections left on it: collected − fees − clawed back + fees returned
     * @param balance what the ledger says it holds (credits − debits)
     */
    public record PayeeCheck(LedgerAccount account, Money left, Money disbursed, Money balance) {

        public Money expected() {
            return left.minus(disbursed);
        }

        public boolean tiesOut() {
            return expected().equals(balance);
        }
    }

    /** The figures grouped into one table per currency, by currency code. */
    public static List<Table> tables(List<PayeeFigures> figures, List<DisbursedMonth> disbursed, Grouping grouping) {
        var byCurrency = new TreeMap<String, TreeMap<String, Row>>();
        for (var f : figures) {
            var key = key(grouping, f);
            add(
                    byCurrency,
                    f.currency(),
                    key,
                    new Row(
                            key,
                            f.billed(),
                            f.credited(),
                            f.collected(),
                            f.fees(),
                            f.clawedBack(),
                            f.feesReturned(),
                            Money.zero(f.currency())));
        }
        for (var d : disbursed) {
            var key = key(grouping, d);
            var zero = Money.zero(d.currency());
            add(byCurrency, d.currency(), key, new Row(key, zero, zero, zero, zero, zero, zero, d.amount()));
        }
        var tables = new ArrayList<Table>();
        byCurrency.forEach((code, rows) -> {
            var currency = CurrencyUnit.of(code);
            var total = rows.values().stream().reduce(Row.zero("", currency), Row::plus);
            tables.add(new Table(currency, List.copyOf(rows.values()), total));
        });
        return List.copyOf(tables);
    }

    /**
     * Each payable account's tie-out from all its figures and disbursements, against the ledger's balances (an account
     * the ledger does not know holds zero), in the order of the accounts' owners, roles and currencies.
     */
    public static List<PayeeCheck> checks(
            List<PayeeFigures> figures, List<DisbursedMonth> disbursed, Function<LedgerAccount, Money> balance) {
        var left = new TreeMap<LedgerAccount, Money[]>(Comparator.comparing(LedgerAccount::ownerPartyId)
                .thenComparing(LedgerAccount::role)
                .thenComparing(a -> a.currency().getCode()));
        for (var f : figures) {
            var sums = sums(left, new LedgerAccount(f.payeePartyId(), f.payeeRole(), f.currency()));
            sums[0] = sums[0].plus(f.payable());
        }
        for (var d : disbursed) {
            var sums = sums(left, new LedgerAccount(d.payeePartyId(), d.payeeRole(), d.currency()));
            sums[1] = sums[1].plus(d.amount());
        }
        var checks = new ArrayList<PayeeCheck>();
        left.forEach((account, sums) -> checks.add(new PayeeCheck(account, sums[0], sums[1], balance.apply(account))));
        return List.copyOf(checks);
    }

    private static Money[] sums(Map<LedgerAccount, Money[]> left, LedgerAccount account) {
        return left.computeIfAbsent(account, a -> new Money[] {Money.zero(a.currency()), Money.zero(a.currency())});
    }

    private static void add(TreeMap<String, TreeMap<String, Row>> tables, CurrencyUnit currency, String key, Row row) {
        tables.computeIfAbsent(currency.getCode(), c -> new TreeMap<>()).merge(key, row, Row::plus);
    }

    private static String key(Grouping grouping, PayeeFigures f) {
        return switch (grouping) {
            case MONTH -> f.month().toString();
            case SELLER -> f.publisherPartyId().toString();
            case PARTNER ->
                f.partnerPartyId() == null ? NONE : f.partnerPartyId().toString();
            case PRODUCT -> f.productId();
            case PAYEE -> f.payeePartyId().toString();
        };
    }

    private static String key(Grouping grouping, DisbursedMonth d) {
        return switch (grouping) {
            case MONTH -> d.month().toString();
            case SELLER ->
                d.payeeRole() == AccountRole.SELLER_PAYABLE ? d.payeePartyId().toString() : NONE;
            case PARTNER ->
                d.payeeRole() == AccountRole.PARTNER_PAYABLE ? d.payeePartyId().toString() : NONE;
            case PRODUCT -> NONE;
            case PAYEE -> d.payeePartyId().toString();
        };
    }

    /** Whether the figures pass the filters (null: any); a disbursement has no product, so a product filter drops it. */
    public static boolean matches(
            PayeeFigures f, @Nullable UUID seller, @Nullable UUID partner, @Nullable String product) {
        return (seller == null || seller.equals(f.publisherPartyId()))
                && (partner == null || partner.equals(f.partnerPartyId()))
                && (product == null || product.equals(f.productId()));
    }

    public static boolean matches(
            DisbursedMonth d, @Nullable UUID seller, @Nullable UUID partner, @Nullable String product) {
        return product == null
                && (seller == null || (d.payeeRole() == AccountRole.SELLER_PAYABLE && seller.equals(d.payeePartyId())))
                && (partner == null
                        || (d.payeeRole() == AccountRole.PARTNER_PAYABLE && Objects.equals(partner, d.payeePartyId())));
    }
}
