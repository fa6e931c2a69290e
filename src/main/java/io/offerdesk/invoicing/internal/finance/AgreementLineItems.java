package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.disbursement.ListingFees;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agreement's invoice line items grouped by invoice (ListAgreementInvoiceLineItems with {@code groupBy INVOICE_ID}),
 * oldest first. The caller has read the agreement (its proposer, its publisher, its buyer or the operator); the
 * statement still carries the reader's predicate. A publisher that is not the seller of record, the ISV of a resold
 * product, sees the wholesale part of the partner's lines and nothing it could adjust: the buyer's price is the
 * partner's business, as on the agreement's wholesale side. The seller of record, the ISV and the operator also see the
 * ISV's listing fee on each group (ADR 0019); the buyer never does.
 */
@Component
public class AgreementLineItems {

    private static final String GROUPS = """
            SELECT i.id, i.invoice_type, i.invoicing_entity, i.currency, i.invoice_date, i.issued_at,
                   SUM(l.amount_minor) AS amount_minor,
                   SUM(COALESCE(l.wholesale_minor, l.amount_minor)) AS wholesale_minor,
                   SUM(l.amount_minor + l.tax_minor) AS billed_minor,
                   -- What credit memos against this invoice already gave back of this agreement's lines, tax included.
                   (SELECT COALESCE(SUM(cl.amount_minor + cl.tax_minor), 0)
                    FROM invoicing.invoice c
                    JOIN invoicing.invoice_line cl ON cl.invoice_id = c.id
                    WHERE c.original_invoice_id = i.id AND c.invoice_type = 'CREDIT_MEMO'
                      AND cl.agreement_id = :agreement) AS credited_minor
            FROM invoicing.invoice_line l
            JOIN invoicing.invoice i ON i.id = l.invoice_id
            WHERE l.agreement_id = :agreement
              AND (:operator OR i.buyer_party_id = :party OR i.seller_party_id = :party
                   OR l.publisher_party_id = :party)
              AND (CAST(:invoice AS varchar) IS NULL OR i.id = :invoice)
              AND (CAST(:type AS varchar) IS NULL OR i.invoice_type = :type)
              AND (CAST(:periodStart AS date) IS NULL
                   OR (i.invoice_date >= :periodStart AND i.invoice_date < :periodEnd))
              AND (CAST(:after AS timestamptz) IS NULL OR i.issued_at > :after)
              AND (CAST(:before AS timestamptz) IS NULL OR i.issued_at < :before)
            GROUP BY i.id
            ORDER BY i.issued_at, i.id
            LIMIT :limit OFFSET :offset
            """;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final ListingFees listingFees;

    AgreementLineItems(JdbcClient jdbc, ListingFees listingFees) {
        this.jdbc = jdbc;
        this.listingFees = listingFees;
    }

    public record Page(List<LineItemGroup> groups, boolean more) {

        public Page {
            groups = List.copyOf(groups);
        }
    }

    /** The groups of an agreement the caller has read, as that caller may see them. */
    @Transactional(readOnly = true)
    public Page groups(OfferdeskPrincipal me, Agreement agreement, LineItemSearch search, int offset, int limit) {
        var wholesaleOnly = !me.isOperator()
                && !me.partyId().equals(agreement.proposerPartyId())
                && me.partyId().equals(agreement.publisherPartyId());
        var period = search.billingPeriod();
        var agreementId = agreement.id().value();
        // The fee is the sellers' business: the seller of record's, the ISV's (who pays it) and the operator's.
        var fee = me.isOperator()
                        || me.partyId().equals(agreement.proposerPartyId())
                        || me.partyId().equals(agreement.publisherPartyId())
                ? listingFees.rateFor(agreementId).orElse(null)
                : null;
        var found = jdbc.sql(GROUPS)
                .param("agreement", agreementId)
                .param("operator", me.isOperator())
                .param("party", me.partyId())
                .param("invoice", search.invoiceId())
                .param(
                        "type",
                        search.invoiceType() == null
                                ? null
                                : search.invoiceType().name())
                .param("periodStart", period == null ? null : period.atDay(1))
                .param("periodEnd", period == null ? null : period.plusMonths(1).atDay(1))
                .param("after", timestamp(search.afterIssuedTime()))
                .param("before", timestamp(search.beforeIssuedTime()))
                .param("limit", limit + 1)
                .param("offset", offset)
                .query((rs, row) -> {
                    var currency = CurrencyUnit.of(rs.getString("currency"));
                    var type = InvoiceType.valueOf(rs.getString("invoice_type"));
                    var amount =
                            Money.ofMinor(currency, rs.getLong(wholesaleOnly ? "wholesale_minor" : "amount_minor"));
                    var adjustable = type == InvoiceType.INVOICE && !wholesaleOnly
                            ? Money.ofMinor(currency, rs.getLong("billed_minor") - rs.getLong("credited_minor"))
                            : Money.zero(currency);
                    return new LineItemGroup(
                            agreementId,
                            rs.getString("id"),
                            amount,
                            adjustable,
                            YearMonth.from(rs.getObject("invoice_date", LocalDate.class)),
                            rs.getTimestamp("issued_at").toInstant(),
                            type,
                            rs.getString("invoicing_entity"),
                            fee == null
                                    ? null
                                    : new LineItemGroup.ListingFee(
                                            fee.ratePercent(),
                                            Money.ofMinor(currency, rs.getLong("wholesale_minor"))
                                                    .multipliedBy(
                                                            fee.ratePercent().divide(HUNDRED), RoundingMode.DOWN)));
                })
                .list();
        return new Page(found.stream().limit(limit).toList(), found.size() > limit);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
