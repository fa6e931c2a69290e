package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.internal.domain.AgingBucket;
import io.offerdesk.invoicing.internal.domain.Receivables;
import io.offerdesk.invoicing.internal.domain.Receivables.MonthFigures;
import io.offerdesk.invoicing.internal.domain.Receivables.OpenAmount;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billed revenue and receivables by month for the reader's invoices (a seller or partner those it is seller of record
 * of, the operator all): what was billed, credited and collected each month, what was open at each month's end, what
 * is open today by age, and for an ISV the wholesale part of its products' lines on partners' invoices. The database
 * sums per month and per due date; {@link Receivables} shapes the series. Amounts include tax, in each currency.
 */
@Component
public class RevenueFigures {

    /** The longest series one request gets: five years. */
    public static final int MONTHS_MAX = 60;

    /** Billed and credited per month, from the first invoice to the series' end: the months before make its start. */
    private static final String BILLED = """
            SELECT i.currency, date_trunc('month', i.invoice_date)::date AS month,
                   SUM(i.total_minor) FILTER (WHERE i.invoice_type = 'INVOICE') AS billed_minor,
                   SUM(i.total_minor) FILTER (WHERE i.invoice_type = 'CREDIT_MEMO') AS credited_minor
            FROM invoicing.invoice i
            WHERE %s AND i.invoice_date < :end
            GROUP BY i.currency, month
            """;

    /** Applied to the invoices per month (UTC), from payments and from the buyer's credit. */
    private static final String COLLECTED = """
            SELECT i.currency, date_trunc('month', a.applied_at AT TIME ZONE 'UTC')::date AS month,
                   SUM(a.amount_minor) AS collected_minor
            FROM invoicing.payment_application a
            JOIN invoicing.invoice i ON i.id = a.invoice_id
            WHERE %s AND a.applied_at < :endAt
            GROUP BY i.currency, month
            """;

    /** An ISV's products on partners' invoices: the wholesale part, credit memos taken off. */
    private static final String RESOLD = """
            SELECT i.currency, date_trunc('month', i.invoice_date)::date AS month,
                   SUM(CASE WHEN i.invoice_type = 'INVOICE' THEN l.wholesale_minor ELSE -l.wholesale_minor END)
                       AS wholesale_minor
            FROM invoicing.invoice_line l
            JOIN invoicing.invoice i ON i.id = l.invoice_id
            WHERE l.publisher_party_id = :party AND l.wholesale_minor IS NOT NULL AND i.seller_party_id <> :party
              AND i.invoice_date >= :start AND i.invoice_date < :end
            GROUP BY i.currency, month
            """;

    /** What is open today per due date. */
    private static final String OPEN = """
            SELECT i.currency, i.due_date, SUM(b.open_minor) AS open_minor
            FROM invoicing.invoice i
            JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
            WHERE %s AND i.invoice_type = 'INVOICE' AND b.open_minor > 0
            GROUP BY i.currency, i.due_date
            """;

    /** Where a month's sums are while they are read, in minor units. */
    private static final int BILLED_AT = 0;

    private static final int CREDITED_AT = 1;
    private static final int COLLECTED_AT = 2;
    private static final int RESOLD_AT = 3;

    private final JdbcClient jdbc;
    private final Clock clock;

    RevenueFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One currency's figures.
     *
     * @param months every month of the range, oldest first
     * @param aging what is open today, by how long it is past due, in the buckets' order
     */
    public record Report(CurrencyUnit currency, List<Receivables.Month> months, Map<AgingBucket, Money> aging) {

        public Report {
            months = List.copyOf(months);
            aging = Collections.unmodifiableMap(new EnumMap<>(aging));
        }

        /** What is open today. */
        public Money open() {
            return aging.values().stream().reduce(Money.zero(currency), Money::plus);
        }
    }

    /** The months a request may ask for: {@code to} not before {@code from}, at most {@link #MONTHS_MAX} of them. */
    public static void checkRange(YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(MONTHS_MAX - 1).isBefore(to)) {
            throw new InvalidInput("to", "finance.range", 1, MONTHS_MAX);
        }
    }

    /** The reader's figures per currency, by currency code, for the months from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public List<Report> report(OfferdeskPrincipal me, YearMonth from, YearMonth to) {
        checkRange(from, to);
        var reader = InvoiceSummaries.readerPredicate(me);
        var start = from.atDay(1);
        var end = to.plusMonths(1).atDay(1);
        var months = new HashMap<CurrencyUnit, TreeMap<YearMonth, long[]>>();
        jdbc.sql(BILLED.formatted(reader))
                .param("party", me.partyId())
                .param("end", end)
                .query(rs -> {
                    var month = figures(months, rs.getString("currency"), rs.getObject("month", LocalDate.class));
                    month[BILLED_AT] += rs.getLong("billed_minor");
                    month[CREDITED_AT] += rs.getLong("credited_minor");
                });
        jdbc.sql(COLLECTED.formatted(reader))
                .param("party", me.partyId())
                .param("endAt", Timestamp.from(end.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(rs -> {
                    var month = figures(months, rs.getString("currency"), rs.getObject("month", LocalDate.class));
                    month[COLLECTED_AT] += rs.getLong("collected_minor");
                });
        if (me.partyKind() == PartyKind.SELLER) {
            jdbc.sql(RESOLD)
                    .param("party", me.partyId())
                    .param("start", start)
                    .param("end", end)
                    .query(rs -> {
                        var month = figures(months, rs.getString("currency"), rs.getObject("month", LocalDate.class));
                        month[RESOLD_AT] += rs.getLong("wholesale_minor");
                    });
        }
        var open = new HashMap<CurrencyUnit, List<OpenAmount>>();
        jdbc.sql(OPEN.formatted(reader)).param("party", me.partyId()).query(rs -> {
            var currency = CurrencyUnit.of(rs.getString("currency"));
            open.computeIfAbsent(currency, c -> new ArrayList<>())
                    .add(new OpenAmount(
                            rs.getObject("due_date", LocalDate.class),
                            Money.ofMinor(currency, rs.getLong("open_minor"))));
        });
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var currencies = new TreeSet<CurrencyUnit>(months.keySet());
        currencies.addAll(open.keySet());
        return currencies.stream()
                .map(currency -> report(
                        currency,
                        from,
                        to,
                        months.getOrDefault(currency, new TreeMap<>()),
                        Receivables.aging(currency, open.getOrDefault(currency, List.of()), today)))
                .toList();
    }

    private static long[] figures(
            Map<CurrencyUnit, TreeMap<YearMonth, long[]>> months, String currency, LocalDate day) {
        return months.computeIfAbsent(CurrencyUnit.of(currency), c -> new TreeMap<>())
                .computeIfAbsent(YearMonth.from(day), m -> new long[4]);
    }

    private static Report report(
            CurrencyUnit currency,
            YearMonth from,
            YearMonth to,
            TreeMap<YearMonth, long[]> minor,
            Map<AgingBucket, Money> aging) {
        var openBefore = 0L;
        var figures = new ArrayList<MonthFigures>();
        for (var entry : minor.entrySet()) {
            var f = entry.getValue();
            if (entry.getKey().isBefore(from)) {
                openBefore += f[BILLED_AT] - f[CREDITED_AT] - f[COLLECTED_AT];
            } else {
                figures.add(new MonthFigures(
                        entry.getKey(),
                        Money.ofMinor(currency, f[BILLED_AT]),
                        Money.ofMinor(currency, f[CREDITED_AT]),
                        Money.ofMinor(currency, f[COLLECTED_AT]),
                        Money.ofMinor(currency, f[RESOLD_AT])));
            }
        }
        return new Report(currency, Receivables.months(from, to, Money.ofMinor(currency, openBefore), figures), aging);
    }
}
