package io.offerdesk.agreements.internal;

import static io.offerdesk.agreements.internal.AgreementRepository.requiredInstant;
import static io.offerdesk.agreements.internal.AgreementRepository.timestamp;

import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.CancellationRequest;
import io.offerdesk.agreements.CancellationRequestId;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.shared.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sellers' cancellation requests. Lists name the party they are for; callers check who may see a single request. */
@Repository
public class CancellationRequestRepository {

    private static final String COLUMNS = """
            id, agreement_id, proposer_party_id, acceptor_party_id, acceptor_account_id, reason_code, description,
            status, status_message, created_at, updated_at""";

    private final JdbcClient jdbc;

    CancellationRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CancellationRequest request) {
        jdbc.sql("""
                        INSERT INTO agreements.cancellation_request (%s)
                        VALUES (:id, :agreement, :proposer, :acceptor, :account, :reasonCode, :description, :status,
                            :message, :createdAt, :updatedAt)
                        """.formatted(COLUMNS))
                .param("id", request.id().value())
                .param("agreement", request.agreementId().value())
                .param("proposer", request.proposerPartyId())
                .param("acceptor", request.acceptorPartyId())
                .param("account", request.acceptorAccountId().value())
                .param("reasonCode", request.reasonCode().name())
                .param("description", request.description())
                .param("status", request.status().name())
                .param("message", request.statusMessage())
                .param("createdAt", timestamp(request.createdAt()))
                .param("updatedAt", timestamp(request.updatedAt()))
                .update();
    }

    /** Writes a move out of PENDING_APPROVAL; the caller holds the request's lock. */
    public void update(CancellationRequest request) {
        jdbc.sql("""
                        UPDATE agreements.cancellation_request
                        SET status = :status, status_message = :message, updated_at = :updatedAt
                        WHERE id = :id
                        """)
                .param("id", request.id().value())
                .param("status", request.status().name())
                .param("message", request.statusMessage())
                .param("updatedAt", timestamp(request.updatedAt()))
                .update();
    }

    public Optional<CancellationRequest> find(CancellationRequestId id) {
        return jdbc.sql("SELECT %s FROM agreements.cancellation_request WHERE id = :id".formatted(COLUMNS))
                .param("id", id.value())
                .query(CancellationRequestRepository::request)
                .optional();
    }

    /** The request, locked for the rest of the transaction. */
    public CancellationRequest lock(CancellationRequestId id) {
        return jdbc.sql("SELECT %s FROM agreements.cancellation_request WHERE id = :id FOR UPDATE".formatted(COLUMNS))
                .param("id", id.value())
                .query(CancellationRequestRepository::request)
                .single();
    }

    /** The agreement's request waiting for the buyer, if there is one. */
    public Optional<CancellationRequest> pending(AgreementId agreement) {
        return jdbc.sql("""
                        SELECT %s FROM agreements.cancellation_request
                        WHERE agreement_id = :agreement AND status = 'PENDING_APPROVAL'
                        """.formatted(COLUMNS))
                .param("agreement", agreement.value())
                .query(CancellationRequestRepository::request)
                .optional();
    }

    /**
     * The requests a party sent (PROPOSER) or received for the given accounts (ACCEPTOR), newest first.
     *
     * @param accounts the buyer accounts the user acts for; ignored for PROPOSER
     */
    public List<CancellationRequest> list(
            UUID party,
            PartyType side,
            List<AccountId> accounts,
            @Nullable AgreementId agreement,
            CancellationRequest.@Nullable Status status,
            int offset,
            int limit) {
        return AgreementRepository.requestsFrom(
                jdbc,
                "agreements.cancellation_request",
                COLUMNS,
                new AgreementRepository.RequestPage(
                        party, side, accounts, agreement, status == null ? null : status.name(), offset, limit),
                CancellationRequestRepository::request);
    }

    private static CancellationRequest request(ResultSet rs, int row) throws SQLException {
        return new CancellationRequest(
                new CancellationRequestId(rs.getString("id")),
                new AgreementId(rs.getString("agreement_id")),
                rs.getObject("proposer_party_id", UUID.class),
                rs.getObject("acceptor_party_id", UUID.class),
                new AccountId(rs.getString("acceptor_account_id")),
                CancellationRequest.ReasonCode.valueOf(rs.getString("reason_code")),
                rs.getString("description"),
                CancellationRequest.Status.valueOf(rs.getString("status")),
                rs.getString("status_message"),
                requiredInstant(rs, "created_at"),
                requiredInstant(rs, "updated_at"));
    }
}
