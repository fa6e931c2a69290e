package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.internal.domain.InvoiceGroup;
import io.offerdesk.invoicing.internal.domain.WaitingCharge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charges waiting for an invoice. The clock's invoicing run reads them across tenants by design. A charge waits
 * while it has no invoice and is not left out of invoicing (zero amounts are).
 */
@Repository
class ChargeRepository {

    /**
     * The advisory lock that makes claiming a batch atomic across nodes: a node claims whole groups while it holds it,
     * so another node, skipping the rows it locked, never takes part of a group it is claiming.
     */
    static final long CLAIM_LOCK = 0x0FFE_4D35_1A70_1C01L;

    private static final String WAITING = "invoice_id IS NULL AND not_invoiced_reason IS NULL";
    private static final String COLUMNS = """
            agreement_id, charge_id, revision, offer_id, product_id, seller_party_id, publisher_party_id,
            buyer_party_id, buyer_account_id, currency, amount_minor, wholesale_minor, timing, due_at, invoice_date,
            purchase_order_reference, net_payment_days, description, allocation_tags::text""";
    private static final String GROUP_ORDER = "buyer_account_id, seller_party_id, currency, invoice_date";

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate savepoint;

    ChargeRepository(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** How many charges wait that are due at or before {@code now}. */
    long countDue(Instant now) {
        return jdbc.sql("SELECT count(*) FROM invoicing.charge WHERE " + WAITING + " AND due_at <= ?")
                .param(Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    boolean anyDue(Instant now) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM invoicing.charge WHERE " + WAITING + " AND due_at <= ?)")
                .param(Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    Optional<Instant> nextDueAfter(Instant after) {
        return jdbc.sql("SELECT min(due_at) FROM invoicing.charge WHERE " + WAITING + " AND due_at > ?")
                .param(Timestamp.from(after))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Locks (in the caller's transaction) the waiting charges due at or before {@code now} of the next groups after
     * {@code after}, in group order: about {@code limit} charges, and always every charge of the last group. Rows other
     * nodes locked are skipped; so are their groups, which those nodes claimed whole.
     */
    List<WaitingCharge> claim(Instant now, @Nullable InvoiceGroup after, int limit) {
        jdbc.sql("SELECT pg_advisory_lock(?)")
                .param(CLAIM_LOCK)
                .query((rs, n) -> 1)
                .single();
        // The claim runs under a savepoint: should it fail, the transaction is rolled back to it and can still give
        // the session's lock back, which the pooled connection would otherwise keep, stopping every later claim.
        try {
            return savepoint.execute(status -> claimUnderLock(now, after, limit));
        } finally {
            jdbc.sql("SELECT pg_advisory_unlock(?)")
                    .param(CLAIM_LOCK)
                    .query((rs, n) -> 1)
                    .single();
        }
    }

    private List<WaitingCharge> claimUnderLock(Instant now, @Nullable InvoiceGroup after, int limit) {
        var claimed = new ArrayList<WaitingCharge>(limit);
        var first = jdbc.sql("""
                        SELECT %s FROM invoicing.charge
                        WHERE %s AND due_at <= :now %s
                        ORDER BY %s, agreement_id, charge_id
                        LIMIT :limit FOR UPDATE SKIP LOCKED
                        """.formatted(
                        COLUMNS,
                        WAITING,
                        after == null ? "" : "AND (%s) > (:account, :seller, :currency, :date)".formatted(GROUP_ORDER),
                        GROUP_ORDER))
                .params(groupParams(after))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::charge)
                .list();
        claimed.addAll(first);
        if (first.size() == limit) {
            // The limit may have cut the last group: take the rest of it too.
            var last = first.getLast();
            var group = last.group();
            claimed.addAll(jdbc.sql("""
                            SELECT %s FROM invoicing.charge
                            WHERE %s AND due_at <= :now
                              AND buyer_account_id = :account AND seller_party_id = :seller
                              AND currency = :currency AND invoice_date = :date
                              AND (agreement_id, charge_id) > (:agreement, :charge)
                            ORDER BY agreement_id, charge_id
                            FOR UPDATE SKIP LOCKED
                            """.formatted(COLUMNS, WAITING))
                    .params(groupParams(group))
                    .param("now", Timestamp.from(now))
                    .param("agreement", last.agreementId())
                    .param("charge", last.chargeId())
                    .query(this::charge)
                    .list());
        }
        return claimed;
    }

    private static Map<String, Object> groupParams(@Nullable InvoiceGroup group) {
        return group == null
                ? Map.of()
                : Map.of(
                        "account", group.buyerAccountId(),
                        "seller", group.sellerPartyId(),
                        "currency", group.currencyCode(),
                        "date", group.invoiceDate());
    }

    /** A charge put on an invoice. */
    record Invoiced(String agreementId, String chargeId, String invoiceId) {}

    /**
     * Records the invoice of each charge.
     *
     * @throws IllegalStateException when a charge no longer waits: it was claimed, so only a bug gets here
     */
    void markInvoiced(List<Invoiced> invoiced) {
        var updated = jdbc.sql("""
                        UPDATE invoicing.charge c SET invoice_id = u.invoice_id
                        FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS u(agreement_id, charge_id, invoice_id)
                        WHERE c.agreement_id = u.agreement_id AND c.charge_id = u.charge_id AND c.invoice_id IS NULL
                        """)
                .params(
                        invoiced.stream().map(Invoiced::agreementId).toArray(String[]::new),
                        invoiced.stream().map(Invoiced::chargeId).toArray(String[]::new),
                        invoiced.stream().map(Invoiced::invoiceId).toArray(String[]::new))
                .update();
        if (updated != invoiced.size()) {
            throw new IllegalStateException(
                    "Marked " + updated + " of " + invoiced.size() + " claimed charges invoiced");
        }
    }

    private WaitingCharge charge(ResultSet rs, int row) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString(10));
        var wholesale = rs.getObject(12, Long.class);
        return new WaitingCharge(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, UUID.class),
                rs.getObject(7, UUID.class),
                rs.getObject(8, UUID.class),
                rs.getString(9),
                Money.ofMinor(currency, rs.getLong(11)),
                wholesale == null ? null : Money.ofMinor(currency, wholesale),
                rs.getString(13),
                rs.getTimestamp(14).toInstant(),
                rs.getObject(15, LocalDate.class),
                rs.getString(16),
                rs.getObject(17, Integer.class),
                rs.getString(18),
                json.readValue(rs.getString(19), TAGS));
    }
}
