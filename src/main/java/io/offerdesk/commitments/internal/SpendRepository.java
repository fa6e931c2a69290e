package io.offerdesk.commitments.internal;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.commitments.internal.domain.Drawdown.Billed;
import io.offerdesk.commitments.internal.domain.Drawdown.Spend;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invoice and credit memo lines billed to buyer organizations, each once. */
@Repository
class SpendRepository {

    /** One line to record; {@code amount} is negative on a credit memo. */
    record Line(
            String invoiceId,
            int lineNo,
            UUID ownerPartyId,
            String documentType,
            LocalDate invoiceDate,
            String agreementId,
            String productId,
            ProductType productType,
            boolean productEligible,
            Money amount) {}

    /** A recorded line with the buyer organization it was billed to. */
    record OwnedSpend(UUID ownerPartyId, Spend spend) {}

    private final JdbcClient jdbc;

    SpendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the lines in one statement, each unless it was: a redelivered event changes nothing. An invoicing run's
     * batch brings thousands of lines; one round trip each kept the listener at the run's pace (ADR 0047).
     */
    void record(List<Line> lines, Instant at) {
        if (lines.isEmpty()) {
            return;
        }
        int n = lines.size();
        var invoices = new String[n];
        var lineNos = new Integer[n];
        var owners = new UUID[n];
        var types = new String[n];
        var dates = new String[n];
        var agreements = new String[n];
        var products = new String[n];
        var productTypes = new String[n];
        var eligible = new Boolean[n];
        var currencies = new String[n];
        var amounts = new Long[n];
        for (int i = 0; i < n; i++) {
            var line = lines.get(i);
            invoices[i] = line.invoiceId();
            lineNos[i] = line.lineNo();
            owners[i] = line.ownerPartyId();
            types[i] = line.documentType();
            dates[i] = line.invoiceDate().toString();
            agreements[i] = line.agreementId();
            products[i] = line.productId();
            productTypes[i] = line.productType().name();
            eligible[i] = line.productEligible();
            currencies[i] = line.amount().getCurrencyUnit().getCode();
            amounts[i] = line.amount().getAmountMinorLong();
        }
        jdbc.sql("""
                        INSERT INTO commitments.spend_line (invoice_id, line_no, owner_party_id, document_type,
                            invoice_date, agreement_id, product_id, product_type, product_eligible, currency,
                            amount_minor, recorded_at)
                        SELECT l.*, ?::timestamptz FROM unnest(?::text[], ?::int[], ?::uuid[], ?::text[], ?::date[],
                            ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::bigint[]) AS l
                        ON CONFLICT DO NOTHING
                        """)
                .params(
                        Timestamp.from(at),
                        invoices,
                        lineNos,
                        owners,
                        types,
                        dates,
                        agreements,
                        products,
                        productTypes,
                        eligible,
                        currencies,
                        amounts)
                .update();
    }

    /** The owner's lines invoiced from {@code from} until before {@code to}, in date order. */
    List<Spend> between(UUID owner, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT invoice_id, line_no, invoice_date, agreement_id, product_id, product_type, product_eligible,
                       currency, amount_minor
                FROM commitments.spend_line
                WHERE owner_party_id = :owner AND invoice_date >= :from AND invoice_date < :to
                ORDER BY invoice_date, invoice_id, line_no
                """)
                .param("owner", owner)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> spend(rs))
                .list();
    }

    /**
     * What the organization was billed from {@code from} until before {@code to}, summed per day, product type,
     * eligibility and currency: a commitment's progress needs no more, and its buyer's invoicing batches read it each
     * time, however many lines the term holds.
     */
    List<Billed> billedBetween(UUID owner, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT invoice_date, product_type, product_eligible, currency, sum(amount_minor)::bigint AS amount_minor
                FROM commitments.spend_line
                WHERE owner_party_id = :owner AND invoice_date >= :from AND invoice_date < :to
                GROUP BY invoice_date, product_type, product_eligible, currency
                ORDER BY invoice_date
                """)
                .param("owner", owner)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Billed(
                        rs.getObject("invoice_date", LocalDate.class),
                        ProductType.valueOf(rs.getString("product_type")),
                        rs.getBoolean("product_eligible"),
                        Money.ofMinor(CurrencyUnit.of(rs.getString("currency")), rs.getLong("amount_minor"))))
                .list();
    }

    /** The lines of the agreements invoiced from {@code from} until before {@code to}, whoever was billed. */
    List<OwnedSpend> ofAgreements(Collection<String> agreementIds, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT owner_party_id, invoice_id, line_no, invoice_date, agreement_id, product_id, product_type,
                       product_eligible, currency, amount_minor
                FROM commitments.spend_line
                WHERE agreement_id IN (:agreements) AND invoice_date >= :from AND invoice_date < :to
                ORDER BY invoice_date, invoice_id, line_no
                """)
                .param("agreements", agreementIds)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new OwnedSpend(rs.getObject("owner_party_id", UUID.class), spend(rs)))
                .list();
    }

    private static Spend spend(ResultSet rs) throws SQLException {
        return new Spend(
                rs.getString("invoice_id"),
                rs.getInt("line_no"),
                rs.getObject("invoice_date", LocalDate.class),
                rs.getString("agreement_id"),
                rs.getString("product_id"),
                ProductType.valueOf(rs.getString("product_type")),
                rs.getBoolean("product_eligible"),
                Money.ofMinor(CurrencyUnit.of(rs.getString("currency")), rs.getLong("amount_minor")));
    }
}
