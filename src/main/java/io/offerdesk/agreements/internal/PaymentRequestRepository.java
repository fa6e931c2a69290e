package io.offerdesk.agreements.internal;

import static io.offerdesk.agreements.internal.AgreementRepository.instant;
import static io.offerdesk.agreements.internal.AgreementRepository.requiredInstant;
import static io.offerdesk.agreements.internal.AgreementRepository.timestamp;

import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.PaymentRequest;
import io.offerdesk.agreements.PaymentRequestId;
import io.offerdesk.shared.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sellers' payment requests. Lists name the party they are for; the clock's auto-approval works across tenants by
 * design.
 */
@Repository
public class PaymentRequestRepository {

    private static final String COLUMNS = """
            id, agreement_id, term_id, proposer_party_id, acceptor_party_id, acceptor_account_id, name, description,
            currency_code, charge_amount, status, status_message, charge_id, purchase_order_reference, auto_approve_at,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    PaymentRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PaymentRequest request) {
        jdbc.sql("""
                        INSERT INTO agreements.payment_request (%s)
                        VALUES (:id, :agreement, :termId, :proposer, :acceptor, :account, :name, :description,
                            :currency, :amount, :status, :message, :chargeId, :po, :autoApproveAt, :createdAt,
                            :updatedAt)
                        """.formatted(COLUMNS))
                .param("id", request.id().value())
                .param("agreement", request.agreementId().value())
                .param("termId", request.termId())
                .param("proposer", request.proposerPartyId())
                .param("acceptor", request.acceptorPartyId())
                .param("account", request.acceptorAccountId().value())
                .param("name", request.name())
                .param("description", request.description())
                .param("currency", request.chargeAmount().getCurrencyUnit().getCode())
                .param("amount", request.chargeAmount().getAmount())
                .param("status", request.status().name())
                .param("message", request.statusMessage())
                .param("chargeId", request.chargeId())
                .param("po", request.purchaseOrderReference())
                .param("autoApproveAt", timestamp(request.autoApproveAt()))
                .param("createdAt", timestamp(request.createdAt()))
                .param("updatedAt", timestamp(request.updatedAt()))
                .update();
    }

    /** Writes a move out of PENDING_APPROVAL; the caller holds the request's lock. */
    public void update(PaymentRequest request) {
        jdbc.sql("""
                        UPDATE agreements.payment_request
                        SET status = :status, status_message = :message, charge_id = :chargeId,
                            purchase_order_reference = :po, updated_at = :updatedAt
                        WHERE id = :id
                        """)
                .param("id", request.id().value())
                .param("status", request.status().name())
                .param("message", request.statusMessage())
                .param("chargeId", request.chargeId())
                .param("po", request.purchaseOrderReference())
                .param("updatedAt", timestamp(request.updatedAt()))
                .update();
    }

    public Optional<PaymentRequest> find(PaymentRequestId id) {
        return jdbc.sql("SELECT %s FROM agreements.payment_request WHERE id = :id".formatted(COLUMNS))
                .param("id", id.value())
                .query(PaymentRequestRepository::request)
                .optional();
    }

    /** The request, locked for the rest of the transaction; lock its agreement first. */
    public PaymentRequest lock(PaymentRequestId id) {
        return jdbc.sql("SELECT %s FROM agreements.payment_request WHERE id = :id FOR UPDATE".formatted(COLUMNS))
                .param("id", id.value())
                .query(PaymentRequestRepository::request)
                .single();
    }

    /** Every request of the agreement, oldest first. */
    public List<PaymentRequest> ofAgreement(AgreementId agreement) {
        return jdbc.sql("""
                        SELECT %s FROM agreements.payment_request WHERE agreement_id = :agreement
                        ORDER BY created_at, id
                        """.formatted(COLUMNS))
                .param("agreement", agreement.value())
                .query(PaymentRequestRepository::request)
                .list();
    }

    /** The agreement's waiting requests, locked; lock the agreement first. */
    public List<PaymentRequest> lockPending(AgreementId agreement) {
        return jdbc.sql("""
                        SELECT %s FROM agreements.payment_request
                        WHERE agreement_id = :agreement AND status = 'PENDING_APPROVAL'
                        ORDER BY created_at, id FOR UPDATE
                        """.formatted(COLUMNS))
                .param("agreement", agreement.value())
                .query(PaymentRequestRepository::request)
                .list();
    }

    /**
     * Agreements with requests due for automatic approval, locked for this transaction; other nodes skip them. Locking
     * the agreement (not the request) keeps the order every other change takes: agreement first, then its requests.
     */
    public List<AgreementId> claimAgreementsDueForApproval(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT a.id FROM agreements.agreement a
                        WHERE a.id IN (SELECT agreement_id FROM agreements.payment_request
                                       WHERE status = 'PENDING_APPROVAL' AND auto_approve_at <= :now)
                        ORDER BY a.id
                        LIMIT :limit FOR UPDATE OF a SKIP LOCKED
                        """)
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> new AgreementId(rs.getString(1)))
                .list();
    }

    public Optional<Instant> nextAutoApproval() {
        return jdbc.sql("""
                        SELECT min(auto_approve_at) FROM agreements.payment_request
                        WHERE status = 'PENDING_APPROVAL' AND auto_approve_at IS NOT NULL
                        """).query((rs, n) -> instant(rs, "min")).optional().filter(java.util.Objects::nonNull);
    }

    /**
     * The requests a party sent (PROPOSER) or received for the given accounts (ACCEPTOR), newest first.
     *
     * @param accounts the buyer accounts the user acts for; ignored for PROPOSER
     */
    public List<PaymentRequest> list(
            UUID party,
            PartyType side,
            List<AccountId> accounts,
            @Nullable AgreementId agreement,
            PaymentRequest.@Nullable Status status,
            int offset,
            int limit) {
        return AgreementRepository.requestsFrom(
                jdbc,
                "agreements.payment_request",
                COLUMNS,
                new AgreementRepository.RequestPage(
                        party, side, accounts, agreement, status == null ? null : status.name(), offset, limit),
                PaymentRequestRepository::request);
    }

    private static PaymentRequest request(ResultSet rs, int row) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency_code"));
        return new PaymentRequest(
                new PaymentRequestId(rs.getString("id")),
                new AgreementId(rs.getString("agreement_id")),
                rs.getString("term_id"),
                rs.getObject("proposer_party_id", UUID.class),
                rs.getObject("acceptor_party_id", UUID.class),
                new AccountId(rs.getString("acceptor_account_id")),
                rs.getString("name"),
                rs.getString("description"),
                Money.of(currency, rs.getBigDecimal("charge_amount").setScale(currency.getDecimalPlaces())),
                PaymentRequest.Status.valueOf(rs.getString("status")),
                rs.getString("status_message"),
                rs.getString("charge_id"),
                rs.getString("purchase_order_reference"),
                instant(rs, "auto_approve_at"),
                requiredInstant(rs, "created_at"),
                requiredInstant(rs, "updated_at"));
    }
}
