package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.SettlementFacts;
import io.offerdesk.invoicing.internal.domain.CreditMemoEntries;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payees' figures from the invoices' lines, the collection shares kept per line (ADR 0022) and, for what credit
 * memos took back, the postings of their ledger entries: a credit memo reverses the split of its original invoice per
 * payee account, not per line, so its clawbacks are put on the product of the memo's first line.
 */
@Component
class SettlementQueries implements SettlementFacts {

    /** Dates that stand for an open end of the range. */
    private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);

    private static final LocalDate LAST = LocalDate.of(9999, 12, 1);

    private static final String PAYEE = "(CAST(:payee AS uuid) IS NULL OR x.payee_party_id = CAST(:payee AS uuid))";

    /** Each line's parts: the ISV's (all of a direct line, the wholesale of a resold one) and the partner's markup. */
    private static final String BILLED = """
            SELECT to_char(i.invoice_date, 'YYYY-MM') AS month, i.currency, i.invoice_type, x.payee_party_id,
                   x.payee_role, l.publisher_party_id,
                   CASE WHEN l.wholesale_minor IS NULL THEN NULL ELSE i.seller_party_id END AS partner_party_id,
                   l.product_id, SUM(x.amount_minor) AS amount_minor
            FROM invoicing.invoice_line l
            JOIN invoicing.invoice i ON i.id = l.invoice_id
            CROSS JOIN LATERAL (VALUES
                (l.publisher_party_id, 'SELLER_PAYABLE', coalesce(l.wholesale_minor, l.amount_minor)),
                (i.seller_party_id, 'PARTNER_PAYABLE', l.amount_minor - l.wholesale_minor))
                AS x (payee_party_id, payee_role, amount_minor)
            WHERE x.amount_minor IS NOT NULL AND x.amount_minor <> 0 AND %s
              AND i.invoice_date >= :start AND i.invoice_date < :end
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            """.formatted(PAYEE);

    private static final String COLLECTED = """
            SELECT to_char(x.applied_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, x.currency, x.payee_party_id,
                   x.payee_role, l.publisher_party_id,
                   CASE WHEN l.wholesale_minor IS NULL THEN NULL ELSE i.seller_party_id END AS partner_party_id,
                   l.product_id, SUM(x.share_minor) AS share_minor, SUM(x.fee_minor) AS fee_minor
            FROM invoicing.collection_share x
            JOIN invoicing.invoice_line l ON l.invoice_id = x.invoice_id AND l.line_no = x.line_no
            JOIN invoicing.invoice i ON i.id = x.invoice_id
            WHERE %s AND x.applied_at >= :startAt AND x.applied_at < :endAt
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """.formatted(PAYEE);

    /** Credit memos posted in the range whose original invoice paid the payee, with their first line. */
    private static final String MEMOS = """
            SELECT m.id, m.issued_at, m.currency, m.original_invoice_id, o.number AS original_number,
                   l.agreement_id, l.product_id, l.publisher_party_id,
                   CASE WHEN l.wholesale_minor IS NULL THEN NULL ELSE m.seller_party_id END AS partner_party_id
            FROM invoicing.invoice m
            JOIN invoicing.invoice o ON o.id = m.original_invoice_id
            JOIN invoicing.invoice_line l ON l.invoice_id = m.id AND l.line_no = 1
            WHERE m.invoice_type = 'CREDIT_MEMO' AND m.issued_at >= :startAt AND m.issued_at < :endAt
              AND (CAST(:payee AS uuid) IS NULL OR o.seller_party_id = CAST(:payee AS uuid)
                   OR EXISTS (SELECT 1 FROM invoicing.invoice_line ol
                              WHERE ol.invoice_id = o.id AND ol.publisher_party_id = CAST(:payee AS uuid)))
            ORDER BY m.issued_at, m.id
            """;

    private static final String FEES = """
            SELECT x.applied_at, x.currency, x.payee_party_id, x.invoice_id, i.number, x.line_no, l.agreement_id,
                   l.product_id, x.application_id, x.share_minor, x.fee_rate, x.fee_minor
            FROM invoicing.collection_share x
            JOIN invoicing.invoice_line l ON l.invoice_id = x.invoice_id AND l.line_no = x.line_no
            JOIN invoicing.invoice i ON i.id = x.invoice_id
            WHERE x.fee_minor > 0 AND %s AND x.applied_at >= :startAt AND x.applied_at < :endAt
            ORDER BY x.applied_at, x.application_id, x.line_no
            """.formatted(PAYEE);

    private record Key(
            YearMonth month,
            CurrencyUnit currency,
            UUID payee,
            AccountRole role,
            UUID publisher,
            @Nullable UUID partner,
            String product) {}

    /** A credit memo and what its entry took back from one payee account. */
    private record Memo(
            String id,
            Instant at,
            CurrencyUnit currency,
            String originalId,
            long originalNumber,
            String agreementId,
            String productId,
            UUID publisher,
            @Nullable UUID partner) {}

    private static final int BILLED_AT = 0;
    private static final int CREDITED_AT = 1;
    private static final int COLLECTED_AT = 2;
    private static final int FEES_AT = 3;
    private static final int CLAWED_AT = 4;
    private static final int RETURNED_AT = 5;

    private final JdbcClient jdbc;
    private final Ledger ledger;

    SettlementQueries(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PayeeFigures> figures(@Nullable UUID payeePartyId, @Nullable YearMonth from, @Nullable YearMonth to) {
        var start = from == null ? FIRST : from.atDay(1);
        var end = to == null ? LAST : to.plusMonths(1).atDay(1);
        var sums = new TreeMap<Key, long[]>(Comparator.comparing(Key::month)
                .thenComparing(k -> k.currency().getCode())
                .thenComparing(Key::payee)
                .thenComparing(Key::role)
                .thenComparing(Key::product)
                .thenComparing(Key::publisher)
                .thenComparing(k -> Objects.toString(k.partner(), "")));
        jdbc.sql(BILLED)
                .param("payee", payeePartyId)
                .param("start", start)
                .param("end", end)
                .query(rs -> {
                    var at = "INVOICE".equals(rs.getString("invoice_type")) ? BILLED_AT : CREDITED_AT;
                    sums.computeIfAbsent(key(rs), k -> new long[6])[at] += rs.getLong("amount_minor");
                });
        jdbc.sql(COLLECTED)
                .param("payee", payeePartyId)
                .param("startAt", at(start))
                .param("endAt", at(end))
                .query(rs -> {
                    var f = sums.computeIfAbsent(key(rs), k -> new long[6]);
                    f[COLLECTED_AT] += rs.getLong("share_minor");
                    f[FEES_AT] += rs.getLong("fee_minor");
                });
        for (var memo : memos(payeePartyId, start, end)) {
            for (var posting : postings(memo)) {
                var clawback = clawback(posting);
                var returned = feeReturned(posting);
                var payee = clawback != null ? clawback : returned;
                if (payee == null || (payeePartyId != null && !payeePartyId.equals(payee.ownerPartyId()))) {
                    continue;
                }
                var key = new Key(
                        YearMonth.from(memo.at().atZone(ZoneOffset.UTC)),
                        memo.currency(),
                        payee.ownerPartyId(),
                        payee.role(),
                        memo.publisher(),
                        memo.partner(),
                        memo.productId());
                sums.computeIfAbsent(key, k -> new long[6])[clawback != null ? CLAWED_AT : RETURNED_AT] +=
                        posting.amount().getAmountMinorLong();
            }
        }
        var figures = new ArrayList<PayeeFigures>();
        sums.forEach((k, f) -> figures.add(new PayeeFigures(
                k.month(),
                k.currency(),
                k.payee(),
                k.role(),
                k.publisher(),
                k.partner(),
                k.product(),
                Money.ofMinor(k.currency(), f[BILLED_AT]),
                Money.ofMinor(k.currency(), f[CREDITED_AT]),
                Money.ofMinor(k.currency(), f[COLLECTED_AT]),
                Money.ofMinor(k.currency(), f[FEES_AT]),
                Money.ofMinor(k.currency(), f[CLAWED_AT]),
                Money.ofMinor(k.currency(), f[RETURNED_AT]))));
        return List.copyOf(figures);
    }

    @Override
    @Transactional(readOnly = true)
    public List<FeeItem> fees(@Nullable UUID payerPartyId, YearMonth from, YearMonth to) {
        var start = from.atDay(1);
        var end = to.plusMonths(1).atDay(1);
        var items = new ArrayList<FeeItem>();
        jdbc.sql(FEES)
                .param("payee", payerPartyId)
                .param("startAt", at(start))
                .param("endAt", at(end))
                .query(rs -> {
                    var currency = CurrencyUnit.of(rs.getString("currency"));
                    items.add(new FeeItem(
                            rs.getTimestamp("applied_at").toInstant(),
                            currency,
                            rs.getObject("payee_party_id", UUID.class),
                            rs.getString("invoice_id"),
                            rs.getLong("number"),
                            rs.getInt("line_no"),
                            rs.getString("agreement_id"),
                            rs.getString("product_id"),
                            rs.getString("application_id"),
                            null,
                            Money.ofMinor(currency, rs.getLong("share_minor")),
                            rs.getBigDecimal("fee_rate"),
                            Money.ofMinor(currency, rs.getLong("fee_minor"))));
                });
        for (var memo : memos(payerPartyId, start, end)) {
            var postings = postings(memo);
            for (var posting : postings) {
                var payer = feeReturned(posting);
                if (payer == null || (payerPartyId != null && !payerPartyId.equals(payer.ownerPartyId()))) {
                    continue;
                }
                // The share the same memo took back from the payer, on which the returned fee was charged.
                var base = postings.stream()
                        .filter(p -> payer.equals(clawback(p)))
                        .map(Posting::amount)
                        .reduce(Money.zero(memo.currency()), Money::plus);
                items.add(new FeeItem(
                        memo.at(),
                        memo.currency(),
                        payer.ownerPartyId(),
                        memo.originalId(),
                        memo.originalNumber(),
                        null,
                        memo.agreementId(),
                        memo.productId(),
                        null,
                        memo.id(),
                        base.negated(),
                        null,
                        posting.amount().negated()));
            }
        }
        items.sort(Comparator.comparing(FeeItem::at));
        return List.copyOf(items);
    }

    private List<Memo> memos(@Nullable UUID payee, LocalDate start, LocalDate end) {
        return jdbc.sql(MEMOS)
                .param("payee", payee)
                .param("startAt", at(start))
                .param("endAt", at(end))
                .query((rs, n) -> new Memo(
                        rs.getString("id"),
                        rs.getTimestamp("issued_at").toInstant(),
                        CurrencyUnit.of(rs.getString("currency")),
                        rs.getString("original_invoice_id"),
                        rs.getLong("original_number"),
                        rs.getString("agreement_id"),
                        rs.getString("product_id"),
                        rs.getObject("publisher_party_id", UUID.class),
                        rs.getObject("partner_party_id", UUID.class)))
                .list();
    }

    /** The memo's entry: a memo of an unpaid invoice takes nothing back, but its entry is there all the same. */
    private List<Posting> postings(Memo memo) {
        return ledger.entry(CreditMemoEntries.creditMemoKey(memo.id()))
                .map(entry -> entry.postings())
                .orElse(List.of());
    }

    /** The payable a posting takes a collected share back from, into clearing; null for any other posting. */
    private static @Nullable LedgerAccount clawback(Posting posting) {
        var payable = posting.debit().role() == AccountRole.SELLER_PAYABLE
                || posting.debit().role() == AccountRole.PARTNER_PAYABLE;
        return payable && posting.credit().role() == AccountRole.MARKETPLACE_CLEARING ? posting.debit() : null;
    }

    /** The ISV's payable a posting gives a listing fee back to, out of fee revenue; null for any other posting. */
    private static @Nullable LedgerAccount feeReturned(Posting posting) {
        return posting.debit().role() == AccountRole.FEE_REVENUE
                        && posting.credit().role() == AccountRole.SELLER_PAYABLE
                ? posting.credit()
                : null;
    }

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(
                YearMonth.parse(rs.getString("month")),
                CurrencyUnit.of(rs.getString("currency")),
                rs.getObject("payee_party_id", UUID.class),
                AccountRole.valueOf(rs.getString("payee_role")),
                rs.getObject("publisher_party_id", UUID.class),
                rs.getObject("partner_party_id", UUID.class),
                rs.getString("product_id"));
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
