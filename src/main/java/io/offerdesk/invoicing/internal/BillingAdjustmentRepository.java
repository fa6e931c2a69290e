package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.BillingAdjustmentRequest;
import io.offerdesk.invoicing.BillingAdjustmentRequest.ReasonCode;
import io.offerdesk.invoicing.BillingAdjustmentRequest.Status;
import io.offerdesk.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Billing adjustment requests, and what completing one reads about its invoice: the credit memos against it and the
 * applications whose collection splits it may reverse. Reads for callers name the seller they are for; the completion
 * worker's claims work across sellers by design.
 */
@Repository
public class BillingAdjustmentRepository {

    private static final String COLUMNS = """
            id, client_token, seller_party_id, buyer_party_id, agreement_id, original_invoice_id, currency,
            amount_minor, reason_code, description, status, status_message, credit_memo_id, created_at, updated_at""";

    /** A request with who asked for it, which the completion's audited events name. */
    public record Requested(BillingAdjustmentRequest request, Actor actor) {}

    /** What a list reads: the seller's requests (all, for the operator) matching the filters. */
    public record Search(
            @Nullable UUID sellerPartyId,
            @Nullable String agreementId,
            @Nullable String originalInvoiceId,
            @Nullable Status status,
            @Nullable Instant createdAfter,
            @Nullable Instant createdBefore) {}

    private final JdbcClient jdbc;

    BillingAdjustmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the request unless the seller already used its client token.
     *
     * @return whether it was inserted; false when another request holds the token
     */
    public boolean insert(BillingAdjustmentRequest request, Actor actor) {
        return jdbc.sql("""
                        INSERT INTO invoicing.billing_adjustment_request (%s, actor_kind, actor_user_id, actor_name)
                        VALUES (:id, :token, :seller, :buyer, :agreement, :invoice, :currency, :amount, :reason,
                            :description, :status, :message, :memo, :createdAt, :updatedAt, :actorKind, :actorUser,
                            :actorName)
                        ON CONFLICT (seller_party_id, client_token) DO NOTHING
                        """.formatted(COLUMNS))
                        .param("id", request.id())
                        .param("token", request.clientToken())
                        .param("seller", request.sellerPartyId())
                        .param("buyer", request.buyerPartyId())
                        .param("agreement", request.agreementId())
                        .param("invoice", request.originalInvoiceId())
                        .param(
                                "currency",
                                request.adjustmentAmount().getCurrencyUnit().getCode())
                        .param("amount", request.adjustmentAmount().getAmountMinorLong())
                        .param("reason", request.reasonCode().name())
                        .param("description", request.description())
                        .param("status", request.status().name())
                        .param("message", request.statusMessage())
                        .param("memo", request.creditMemoId())
                        .param("createdAt", Timestamp.from(request.createdAt()))
                        .param("updatedAt", Timestamp.from(request.updatedAt()))
                        .param("actorKind", actor.kind().name())
                        .param("actorUser", actor.userId())
                        .param("actorName", actor.name())
                        .update()
                == 1;
    }

    /** Writes a move out of PENDING; the caller holds the request's lock. */
    public void update(BillingAdjustmentRequest request) {
        jdbc.sql("""
                        UPDATE invoicing.billing_adjustment_request
                        SET status = :status, status_message = :message, credit_memo_id = :memo, updated_at = :at
                        WHERE id = :id
                        """)
                .param("id", request.id())
                .param("status", request.status().name())
                .param("message", request.statusMessage())
                .param("memo", request.creditMemoId())
                .param("at", Timestamp.from(request.updatedAt()))
                .update();
    }

    public Optional<BillingAdjustmentRequest> find(String id) {
        return jdbc.sql("SELECT %s FROM invoicing.billing_adjustment_request WHERE id = :id".formatted(COLUMNS))
                .param("id", id)
                .query(BillingAdjustmentRepository::request)
                .optional();
    }

    /** The seller's request of that client token. */
    public Optional<BillingAdjustmentRequest> findByToken(UUID sellerPartyId, String clientToken) {
        return jdbc.sql("""
                        SELECT %s FROM invoicing.billing_adjustment_request
                        WHERE seller_party_id = :seller AND client_token = :token
                        """.formatted(COLUMNS))
                .param("seller", sellerPartyId)
                .param("token", clientToken)
                .query(BillingAdjustmentRepository::request)
                .optional();
    }

    /** The request if it is still pending, locked for this transaction; empty when done or another node has it. */
    public Optional<Requested> claimPending(String id) {
        return jdbc.sql("""
                        SELECT %s, actor_kind, actor_user_id, actor_name FROM invoicing.billing_adjustment_request
                        WHERE id = :id AND status = 'PENDING'
                        FOR UPDATE SKIP LOCKED
                        """.formatted(COLUMNS))
                .param("id", id)
                .query((rs, row) -> new Requested(request(rs, row), actor(rs)))
                .optional();
    }

    /** Pending requests, oldest first, that no other node is completing right now. */
    public List<String> pending(int limit) {
        return jdbc.sql("""
                        SELECT id FROM invoicing.billing_adjustment_request WHERE status = 'PENDING'
                        ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
                        """).param("limit", limit).query(String.class).list();
    }

    /** What pending requests of the agreement ask of the invoice: held back from what may still be credited. */
    public long pendingMinor(String invoiceId, String agreementId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount_minor), 0) FROM invoicing.billing_adjustment_request
                        WHERE original_invoice_id = :invoice AND agreement_id = :agreement AND status = 'PENDING'
                        """)
                .param("invoice", invoiceId)
                .param("agreement", agreementId)
                .query(Long.class)
                .single();
    }

    /** A page of requests, newest first. */
    public List<BillingAdjustmentRequest> list(Search search, int offset, int limit) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (search.sellerPartyId() != null) {
            where.add("seller_party_id = :seller");
            params.put("seller", search.sellerPartyId());
        }
        if (search.agreementId() != null) {
            where.add("agreement_id = :agreement");
            params.put("agreement", search.agreementId());
        }
        if (search.originalInvoiceId() != null) {
            where.add("original_invoice_id = :invoice");
            params.put("invoice", search.originalInvoiceId());
        }
        if (search.status() != null) {
            where.add("status = :status");
            params.put("status", search.status().name());
        }
        if (search.createdAfter() != null) {
            where.add("created_at > :after");
            params.put("after", Timestamp.from(search.createdAfter()));
        }
        if (search.createdBefore() != null) {
            where.add("created_at < :before");
            params.put("before", Timestamp.from(search.createdBefore()));
        }
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("""
                        SELECT %s FROM invoicing.billing_adjustment_request %s
                        ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit
                        """.formatted(COLUMNS, where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)))
                .params(params)
                .query(BillingAdjustmentRepository::request)
                .list();
    }

    /** The credit memos against the invoice, oldest first. */
    public List<String> creditMemoIds(String originalInvoiceId) {
        return jdbc.sql("""
                        SELECT id FROM invoicing.invoice
                        WHERE original_invoice_id = :invoice AND invoice_type = 'CREDIT_MEMO'
                        ORDER BY number
                        """)
                .param("invoice", originalInvoiceId)
                .query(String.class)
                .list();
    }

    /** The applications of money to the invoice, each posted (unless it was all tax) as {@code collection:<id>}. */
    public List<String> applicationIds(String invoiceId) {
        return jdbc.sql("""
                        SELECT id FROM invoicing.payment_application WHERE invoice_id = :invoice
                        ORDER BY applied_at, id
                        """).param("invoice", invoiceId).query(String.class).list();
    }

    /**
     * Books a credit memo in the original's balance, which the caller locked: credited by the memo, refunded by what of
     * it was paid back. The invoice is settled when the unpaid part took what was still open.
     */
    public void credit(String invoiceId, Money credited, Money refunded, Instant now) {
        jdbc.sql("""
                        UPDATE invoicing.invoice_balance
                        SET credited_minor = credited_minor + :credited,
                            refunded_minor = refunded_minor + :refunded,
                            settled_at = CASE WHEN settled_at IS NULL AND open_minor = :credited - :refunded
                                              THEN :now ELSE settled_at END
                        WHERE invoice_id = :id
                        """)
                .param("id", invoiceId)
                .param("credited", credited.getAmountMinorLong())
                .param("refunded", refunded.getAmountMinorLong())
                .param("now", Timestamp.from(now))
                .update();
    }

    private static BillingAdjustmentRequest request(ResultSet rs, int row) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency"));
        return new BillingAdjustmentRequest(
                rs.getString("id"),
                rs.getString("client_token"),
                rs.getObject("seller_party_id", UUID.class),
                rs.getObject("buyer_party_id", UUID.class),
                rs.getString("agreement_id"),
                rs.getString("original_invoice_id"),
                Money.ofMinor(currency, rs.getLong("amount_minor")),
                ReasonCode.valueOf(rs.getString("reason_code")),
                rs.getString("description"),
                Status.valueOf(rs.getString("status")),
                rs.getString("status_message"),
                rs.getString("credit_memo_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Actor actor(ResultSet rs) throws SQLException {
        var kind = Actor.Kind.valueOf(rs.getString("actor_kind"));
        return new Actor(
                kind,
                rs.getObject("actor_user_id", UUID.class),
                kind == Actor.Kind.SYSTEM ? null : rs.getObject("seller_party_id", UUID.class),
                rs.getString("actor_name"));
    }
}
