package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceFilter;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invoices and credit memos with their lines. Batches go to PostgreSQL as arrays ({@code unnest}), one statement per
 * table, so that a run writes thousands of invoices in a few round trips. Reads name the party they are for, except
 * {@link #find(String)}, which the module's own work uses.
 */
@Repository
public class InvoiceRepository {

    private static final String COLUMNS = """
            i.id, i.invoice_type, i.invoicing_entity, i.number, i.buyer_party_id, i.buyer_account_id,
            i.seller_party_id, i.currency, i.invoice_date, i.issued_at, i.due_date, i.subtotal_minor, i.tax_minor,
            i.total_minor, i.tax_country, i.tax_rate, i.original_invoice_id""";

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InvoiceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts the invoices with their lines, and for each invoice (not credit memo) its balance (nothing paid, credited
     * or refunded yet), in the caller's transaction.
     */
    public void insert(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return;
        }
        insertHeads(invoices);
        insertLines(invoices.stream()
                .flatMap(i -> i.lines().stream().map(l -> Map.entry(i.id(), l)))
                .toList());
        // A credit memo owes nothing: what it gives back is the credited amount in its original's balance.
        var owing =
                invoices.stream().filter(i -> i.type() == InvoiceType.INVOICE).toList();
        insertBalances(
                owing.stream().map(Invoice::id).toArray(String[]::new),
                owing.stream().map(i -> i.total().getAmountMinorLong()).toArray(Long[]::new));
    }

    /** Inserts the invoices without their lines and balances. */
    void insertHeads(List<Invoice> invoices) {
        int n = invoices.size();
        var ids = new String[n];
        var types = new String[n];
        var entities = new String[n];
        var numbers = new Long[n];
        var buyers = new UUID[n];
        var accounts = new String[n];
        var sellers = new UUID[n];
        var currencies = new String[n];
        var invoiceDates = new String[n];
        var issuedAt = new Timestamp[n];
        var dueDates = new String[n];
        var subtotals = new Long[n];
        var taxes = new Long[n];
        var totals = new Long[n];
        var countries = new String[n];
        var rates = new String[n];
        var originals = new String[n];
        for (int i = 0; i < n; i++) {
            var invoice = invoices.get(i);
            ids[i] = invoice.id();
            types[i] = invoice.type().name();
            entities[i] = invoice.invoicingEntity();
            numbers[i] = invoice.number();
            buyers[i] = invoice.buyerPartyId();
            accounts[i] = invoice.buyerAccountId();
            sellers[i] = invoice.sellerPartyId();
            currencies[i] = invoice.total().getCurrencyUnit().getCode();
            invoiceDates[i] = invoice.invoiceDate().toString();
            issuedAt[i] = Timestamp.from(invoice.issuedAt());
            dueDates[i] = invoice.dueDate().toString();
            subtotals[i] = invoice.subtotal().getAmountMinorLong();
            taxes[i] = invoice.tax().getAmountMinorLong();
            totals[i] = invoice.total().getAmountMinorLong();
            countries[i] = invoice.taxCountry();
            rates[i] = invoice.taxRate() == null ? null : invoice.taxRate().toPlainString();
            originals[i] = invoice.originalInvoiceId();
        }
        jdbc.sql("""
                        INSERT INTO invoicing.invoice (id, invoice_type, invoicing_entity, number, buyer_party_id,
                            buyer_account_id, seller_party_id, currency, invoice_date, issued_at, due_date,
                            subtotal_minor, tax_minor, total_minor, tax_country, tax_rate, original_invoice_id)
                        SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::uuid[],
                            ?::varchar[], ?::uuid[], ?::char(3)[], ?::date[], ?::timestamptz[], ?::date[], ?::bigint[],
                            ?::bigint[], ?::bigint[], ?::char(2)[], ?::numeric[], ?::varchar[])
                        """)
                .params(
                        ids,
                        types,
                        entities,
                        numbers,
                        buyers,
                        accounts,
                        sellers,
                        currencies,
                        invoiceDates,
                        issuedAt,
                        dueDates,
                        subtotals,
                        taxes,
                        totals,
                        countries,
                        rates,
                        originals)
                .update();
    }

    /** Inserts each invoice's balance: its total, nothing paid, credited or refunded yet. */
    void insertBalances(String[] invoiceIds, Long[] totals) {
        jdbc.sql("""
                        INSERT INTO invoicing.invoice_balance (invoice_id, total_minor)
                        SELECT * FROM unnest(?::varchar[], ?::bigint[])
                        """).params(invoiceIds, totals).update();
    }

    /** Inserts lines, each with the id of its invoice. */
    void insertLines(List<Map.Entry<String, InvoiceLine>> lines) {
        int n = lines.size();
        var invoiceIds = new String[n];
        var lineNos = new Integer[n];
        var agreements = new String[n];
        var charges = new String[n];
        var offers = new String[n];
        var products = new String[n];
        var publishers = new UUID[n];
        var descriptions = new String[n];
        var amounts = new Long[n];
        var wholesales = new Long[n];
        var taxes = new Long[n];
        var orders = new String[n];
        var tags = new String[n];
        for (int i = 0; i < n; i++) {
            var line = lines.get(i).getValue();
            invoiceIds[i] = lines.get(i).getKey();
            lineNos[i] = line.lineNo();
            agreements[i] = line.agreementId();
            charges[i] = line.chargeId();
            offers[i] = line.offerId();
            products[i] = line.productId();
            publishers[i] = line.publisherPartyId();
            descriptions[i] = line.description();
            amounts[i] = line.amount().getAmountMinorLong();
            wholesales[i] = line.wholesaleAmount() == null
                    ? null
                    : line.wholesaleAmount().getAmountMinorLong();
            taxes[i] = line.tax().getAmountMinorLong();
            orders[i] = line.purchaseOrderReference();
            tags[i] = json.writeValueAsString(line.allocationTags());
        }
        jdbc.sql("""
                        INSERT INTO invoicing.invoice_line (invoice_id, line_no, agreement_id, charge_id, offer_id,
                            product_id, publisher_party_id, description, amount_minor, wholesale_minor, tax_minor,
                            purchase_order_reference, allocation_tags)
                        SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::varchar[], ?::uuid[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[],
                            ?::text[]::jsonb[])
                        """)
                .params(
                        invoiceIds,
                        lineNos,
                        agreements,
                        charges,
                        offers,
                        products,
                        publishers,
                        descriptions,
                        amounts,
                        wholesales,
                        taxes,
                        orders,
                        tags)
                .update();
    }

    public Optional<Invoice> find(String id) {
        return find(List.of(id)).stream().findFirst();
    }

    /** The invoices with their lines in two queries, however many; ids not found are left out. */
    public List<Invoice> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var heads = jdbc.sql("SELECT %s FROM invoicing.invoice i WHERE i.id = ANY(?::varchar[]) ORDER BY i.id"
                        .formatted(COLUMNS))
                .param(ids.toArray(String[]::new))
                .query(this::head)
                .list();
        return withLines(heads);
    }

    /**
     * A page of invoices, newest invoice date first.
     *
     * @param buyerPartyId only the buyer's, when given
     * @param sellerPartyId only those of this seller of record, when given
     */
    public List<Invoice> list(
            @Nullable UUID buyerPartyId, @Nullable UUID sellerPartyId, InvoiceFilter filter, int offset, int limit) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (buyerPartyId != null) {
            where.add("i.buyer_party_id = :buyer");
            params.put("buyer", buyerPartyId);
        }
        if (sellerPartyId != null) {
            where.add("i.seller_party_id = :seller");
            params.put("seller", sellerPartyId);
        }
        if (filter.type() != null) {
            where.add("i.invoice_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.buyerAccountId() != null) {
            where.add("i.buyer_account_id = :account");
            params.put("account", filter.buyerAccountId());
        }
        if (filter.agreementId() != null) {
            where.add("EXISTS (SELECT 1 FROM invoicing.invoice_line l WHERE l.invoice_id = i.id"
                    + " AND l.agreement_id = :agreement)");
            params.put("agreement", filter.agreementId());
        }
        if (filter.currencyCode() != null) {
            where.add("i.currency = :currency");
            params.put("currency", filter.currencyCode());
        }
        if (filter.from() != null) {
            where.add("i.invoice_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("i.invoice_date <= :to");
            params.put("to", filter.to());
        }
        params.put("offset", offset);
        params.put("limit", limit);
        var heads = jdbc.sql("""
                        SELECT %s FROM invoicing.invoice i %s
                        ORDER BY i.invoice_date DESC, i.number DESC
                        OFFSET :offset LIMIT :limit
                        """.formatted(COLUMNS, where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)))
                .params(params)
                .query(this::head)
                .list();
        return withLines(heads);
    }

    /** An invoice read without its lines, which {@link #withLines} adds for a whole page in one query. */
    private record Head(
            String id,
            InvoiceType type,
            String entity,
            long number,
            UUID buyer,
            String account,
            UUID seller,
            CurrencyUnit currency,
            LocalDate invoiceDate,
            java.time.Instant issuedAt,
            LocalDate dueDate,
            long subtotal,
            long tax,
            long total,
            @Nullable String taxCountry,
            @Nullable BigDecimal taxRate,
            @Nullable String original) {}

    private Head head(ResultSet rs, int row) throws SQLException {
        return new Head(
                rs.getString(1),
                InvoiceType.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getLong(4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getObject(7, UUID.class),
                CurrencyUnit.of(rs.getString(8)),
                rs.getObject(9, LocalDate.class),
                rs.getTimestamp(10).toInstant(),
                rs.getObject(11, LocalDate.class),
                rs.getLong(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getString(15),
                rs.getBigDecimal(16),
                rs.getString(17));
    }

    private List<Invoice> withLines(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        var currencies = new HashMap<String, CurrencyUnit>();
        heads.forEach(h -> currencies.put(h.id(), h.currency()));
        var lines = new HashMap<String, List<InvoiceLine>>();
        jdbc.sql("""
                        SELECT invoice_id, line_no, agreement_id, charge_id, offer_id, product_id, publisher_party_id,
                               description, amount_minor, wholesale_minor, tax_minor, purchase_order_reference,
                               allocation_tags::text
                        FROM invoicing.invoice_line WHERE invoice_id = ANY(?::varchar[])
                        ORDER BY invoice_id, line_no
                        """)
                .param(heads.stream().map(Head::id).toArray(String[]::new))
                .query((rs, row) -> {
                    var invoiceId = rs.getString(1);
                    var currency = currencies.get(invoiceId);
                    var wholesale = rs.getObject(10, Long.class);
                    var line = new InvoiceLine(
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getObject(7, UUID.class),
                            rs.getString(8),
                            Money.ofMinor(currency, rs.getLong(9)),
                            wholesale == null ? null : Money.ofMinor(currency, wholesale),
                            Money.ofMinor(currency, rs.getLong(11)),
                            rs.getString(12),
                            json.readValue(rs.getString(13), TAGS));
                    return lines.computeIfAbsent(invoiceId, k -> new ArrayList<>())
                            .add(line);
                })
                .list();
        return heads.stream()
                .map(h -> new Invoice(
                        h.id(),
                        h.type(),
                        h.entity(),
                        h.number(),
                        h.buyer(),
                        h.account(),
                        h.seller(),
                        h.invoiceDate(),
                        h.issuedAt(),
                        h.dueDate(),
                        Money.ofMinor(h.currency(), h.subtotal()),
                        Money.ofMinor(h.currency(), h.tax()),
                        Money.ofMinor(h.currency(), h.total()),
                        h.taxCountry(),
                        h.taxRate(),
                        h.original(),
                        lines.getOrDefault(h.id(), List.of())))
                .toList();
    }
}
