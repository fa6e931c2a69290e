package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.internal.domain.InvoiceBalance;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invoices with their balances as their readers search them: a buyer its party's invoices, a seller or channel partner
 * those it is seller of record of, the operator all. The reader's predicate is part of every statement; another
 * party's invoice is simply not there.
 */
@Component
public class InvoiceSummaries {

    private static final String COLUMNS = """
            i.id, i.invoice_type, i.invoicing_entity, i.number, i.buyer_party_id, i.buyer_account_id,
            i.seller_party_id, i.currency, i.invoice_date, i.issued_at, i.due_date, i.subtotal_minor, i.tax_minor,
            i.total_minor, i.tax_country, i.tax_rate, i.original_invoice_id,
            COALESCE(b.paid_minor, 0) AS paid_minor, COALESCE(b.credited_minor, 0) AS credited_minor,
            COALESCE(b.refunded_minor, 0) AS refunded_minor, COALESCE(b.open_minor, 0) AS open_minor
            """;

    private static final String INVOICES = "SELECT " + COLUMNS + """
            FROM invoicing.invoice i
            LEFT JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
            """;

    private static final String LINES = "SELECT " + COLUMNS + """
            , l.line_no, l.agreement_id, l.charge_id, l.offer_id, l.product_id, l.publisher_party_id, l.description,
              l.amount_minor, l.wholesale_minor, l.tax_minor AS line_tax_minor, l.purchase_order_reference,
              l.allocation_tags::text AS allocation_tags
            FROM invoicing.invoice i
            LEFT JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
            JOIN invoicing.invoice_line l ON l.invoice_id = i.id
            """;

    /**
     * An invoice's status as SQL, for the status filter: {@link InvoiceBalance#status} in the database's words (overdue
     * from the day after the due date, {@code :today} being the UTC day now). The pages show the status computed by
     * {@code InvoiceBalance}; the finance tests prove both agree.
     */
    private static final String STATUS = """
            CASE WHEN b.total_minor > 0 AND b.credited_minor = b.total_minor THEN 'CREDITED'
                 WHEN b.open_minor <= 0 THEN 'PAID'
                 WHEN i.due_date < :today THEN 'OVERDUE'
                 WHEN b.paid_minor > 0 OR b.credited_minor > 0 THEN 'PARTIALLY_PAID'
                 ELSE 'OPEN' END""";

    /** The search's filters, after the reader's predicate. */
    private static final String FILTERS = """
              AND (CAST(:account AS varchar) IS NULL OR i.buyer_account_id = :account)
              AND (CAST(:seller AS uuid) IS NULL OR i.seller_party_id = :seller)
              AND (CAST(:type AS varchar) IS NULL OR i.invoice_type = :type)
              AND (CAST(:from AS date) IS NULL OR i.invoice_date >= :from)
              AND (CAST(:to AS date) IS NULL OR i.invoice_date <= :to)
              AND (CAST(:original AS varchar) IS NULL OR i.original_invoice_id = :original)
              AND (CAST(:status AS varchar) IS NULL
                   OR (i.invoice_type = 'INVOICE' AND b.invoice_id IS NOT NULL AND %s = :status))
            """.formatted(STATUS);

    /** Newest first; invoices of one day in the order they were issued, last first. */
    private static final String NEWEST_FIRST = " ORDER BY i.invoice_date DESC, i.issued_at DESC, i.id DESC";

    /** Rows an export takes from the database at a time. */
    static final int EXPORT_FETCH_SIZE = 500;

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcClient exports;
    private final Clock clock;
    private final JsonMapper json;

    InvoiceSummaries(JdbcClient jdbc, DataSource dataSource, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        // An export reads every row the search finds; with a fetch size, PostgreSQL sends them in batches (inside the
        // read-only transaction) instead of all at once into memory.
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.exports = JdbcClient.create(template);
        this.clock = clock;
    }

    /** A page of what the search finds; {@code more} when there is a next page. */
    public record Page(List<InvoiceSummary> invoices, boolean more) {

        public Page {
            invoices = List.copyOf(invoices);
        }
    }

    /** An invoice line with its invoice, as an export of lines repeats the invoice on every row. */
    public record LineRow(InvoiceSummary invoice, InvoiceLine line) {}

    @Transactional(readOnly = true)
    public Page page(OfferdeskPrincipal me, InvoiceSearch search, int offset, int limit) {
        var found = statement(jdbc, INVOICES, me, search, NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
                .param("limit", limit + 1)
                .param("offset", offset)
                .query((rs, row) -> summary(rs))
                .list();
        return new Page(found.stream().limit(limit).toList(), found.size() > limit);
    }

    /** One of the reader's invoices or credit memos with its balance; empty for anyone else's. */
    @Transactional(readOnly = true)
    public Optional<InvoiceSummary> find(OfferdeskPrincipal me, String id) {
        return statement(INVOICES + where(me) + "  AND i.id = :id", me)
                .param("id", id)
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /** Every invoice the search finds, newest first, one at a time, as an export writes them. */
    @Transactional(readOnly = true)
    public void each(OfferdeskPrincipal me, InvoiceSearch search, Consumer<InvoiceSummary> each) {
        statement(exports, INVOICES, me, search, NEWEST_FIRST).query(rs -> {
            each.accept(summary(rs));
        });
    }

    /** Every line of the invoices the search finds, newest invoice first and in line order, one at a time. */
    @Transactional(readOnly = true)
    public void eachLine(OfferdeskPrincipal me, InvoiceSearch search, Consumer<LineRow> each) {
        statement(exports, LINES, me, search, NEWEST_FIRST + ", l.line_no").query(rs -> {
            var invoice = summary(rs);
            var currency = invoice.total().getCurrencyUnit();
            var wholesale = rs.getObject("wholesale_minor", Long.class);
            each.accept(new LineRow(
                    invoice,
                    new InvoiceLine(
                            rs.getInt("line_no"),
                            rs.getString("agreement_id"),
                            rs.getString("charge_id"),
                            rs.getString("offer_id"),
                            rs.getString("product_id"),
                            rs.getObject("publisher_party_id", UUID.class),
                            rs.getString("description"),
                            money(currency, rs, "amount_minor"),
                            wholesale == null ? null : Money.ofMinor(currency, wholesale),
                            money(currency, rs, "line_tax_minor"),
                            rs.getString("purchase_order_reference"),
                            json.readValue(rs.getString("allocation_tags"), TAGS))));
        });
    }

    /** The sellers of record of the reader's invoices, for a filter's choices. */
    @Transactional(readOnly = true)
    public List<UUID> sellers(OfferdeskPrincipal me) {
        return statement("SELECT DISTINCT i.seller_party_id FROM invoicing.invoice i" + where(me), me)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** The buyer accounts of the reader's invoices, for a filter's choices. */
    @Transactional(readOnly = true)
    public List<String> accounts(OfferdeskPrincipal me) {
        return statement(
                        "SELECT DISTINCT i.buyer_account_id FROM invoicing.invoice i" + where(me)
                                + " ORDER BY i.buyer_account_id",
                        me)
                .query((rs, row) -> rs.getString(1))
                .list();
    }

    /**
     * The invoices a reader sees, as a predicate on {@code invoicing.invoice i} with the parameter {@code :party}: all
     * for the operator, the buyer party's own, or those the seller or partner is seller of record of.
     */
    static String readerPredicate(OfferdeskPrincipal me) {
        return switch (me.partyKind()) {
            case OPERATOR -> "TRUE";
            case BUYER -> "i.buyer_party_id = :party";
            case SELLER, CHANNEL_PARTNER -> "i.seller_party_id = :party";
        };
    }

    private static String where(OfferdeskPrincipal me) {
        return " WHERE " + readerPredicate(me) + "\n";
    }

    private JdbcClient.StatementSpec statement(String sql, OfferdeskPrincipal me) {
        return statement(jdbc, sql, me);
    }

    private static JdbcClient.StatementSpec statement(JdbcClient client, String sql, OfferdeskPrincipal me) {
        return client.sql(sql).param("party", me.partyId());
    }

    /** {@code select} (ending in its FROM clause) for the reader's invoices the search finds, then {@code tail}. */
    private JdbcClient.StatementSpec statement(
            JdbcClient client, String select, OfferdeskPrincipal me, InvoiceSearch search, String tail) {
        return statement(client, select + where(me) + FILTERS + tail, me)
                .param("account", search.buyerAccountId())
                .param("seller", search.sellerPartyId())
                .param("type", search.type() == null ? null : search.type().name())
                .param("from", search.issuedFrom())
                .param("to", search.issuedTo())
                .param("original", search.originalInvoiceId())
                .param(
                        "status",
                        search.status() == null ? null : search.status().name())
                .param("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static InvoiceSummary summary(ResultSet rs) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency"));
        return new InvoiceSummary(
                rs.getString("id"),
                InvoiceType.valueOf(rs.getString("invoice_type")),
                rs.getString("invoicing_entity"),
                rs.getLong("number"),
                rs.getObject("buyer_party_id", UUID.class),
                rs.getString("buyer_account_id"),
                rs.getObject("seller_party_id", UUID.class),
                rs.getObject("invoice_date", LocalDate.class),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("due_date", LocalDate.class),
                money(currency, rs, "subtotal_minor"),
                money(currency, rs, "tax_minor"),
                money(currency, rs, "total_minor"),
                rs.getString("tax_country"),
                rs.getBigDecimal("tax_rate"),
                rs.getString("original_invoice_id"),
                money(currency, rs, "paid_minor"),
                money(currency, rs, "credited_minor"),
                money(currency, rs, "refunded_minor"),
                money(currency, rs, "open_minor"));
    }

    private static Money money(CurrencyUnit currency, ResultSet rs, String column) throws SQLException {
        return Money.ofMinor(currency, rs.getLong(column));
    }
}
