package io.offerdesk.governance.internal;

import io.offerdesk.governance.ProductRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Product requests; every read names the organization they belong to. */
@Repository
public class ProductRequestRepository {

    private static final String COLUMNS = """
            SELECT id, party_id, account_id, product_id, experience_id, justification, status, requested_by,
                requested_by_name, requested_at, decided_by_name, decided_at, comment, change_set_id
            FROM governance.product_request
            """;

    private final JdbcClient jdbc;

    ProductRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new request; false when the account already has one pending for the product. */
    public boolean insert(ProductRequest request) {
        return jdbc.sql("""
                            INSERT INTO governance.product_request (id, party_id, account_id, product_id,
                                experience_id, justification, status, requested_by, requested_by_name, requested_at)
                            VALUES (:id, :party, :account, :product, :experience, :justification, 'PENDING',
                                :requestedBy, :requestedByName, :requestedAt)
                            ON CONFLICT DO NOTHING
                            """)
                        .param("id", request.id())
                        .param("party", request.partyId())
                        .param("account", request.accountId())
                        .param("product", request.productId())
                        .param("experience", request.experienceId())
                        .param("justification", request.justification())
                        .param("requestedBy", request.requestedBy())
                        .param("requestedByName", request.requestedByName())
                        .param("requestedAt", Timestamp.from(request.requestedAt()))
                        .update()
                == 1;
    }

    /** Records the decision on a pending request; false when it was decided already. */
    public boolean decide(
            UUID party,
            String id,
            ProductRequest.Status status,
            String decidedBy,
            Instant at,
            @Nullable String comment,
            @Nullable String changeSetId) {
        return jdbc.sql("""
                        UPDATE governance.product_request
                        SET status = :status, decided_by_name = :decidedBy, decided_at = :at, comment = :comment,
                            change_set_id = :changeSetId
                        WHERE party_id = :party AND id = :id AND status = 'PENDING'
                        """)
                        .param("status", status.name())
                        .param("decidedBy", decidedBy)
                        .param("at", Timestamp.from(at))
                        .param("comment", comment)
                        .param("changeSetId", changeSetId)
                        .param("party", party)
                        .param("id", id)
                        .update()
                == 1;
    }

    public Optional<ProductRequest> find(UUID party, String id) {
        return jdbc.sql(COLUMNS + " WHERE party_id = :party AND id = :id")
                .param("party", party)
                .param("id", id)
                .query(ProductRequestRepository::read)
                .optional();
    }

    /**
     * The organization's requests, newest first.
     *
     * @param requestedBy only this user's, when present
     * @param status only these, when present
     */
    public List<ProductRequest> list(
            UUID party, @Nullable UUID requestedBy, ProductRequest.@Nullable Status status, int offset, int limit) {
        return jdbc.sql(COLUMNS + """
                         WHERE party_id = :party
                          AND (CAST(:requestedBy AS uuid) IS NULL OR requested_by = :requestedBy)
                          AND (CAST(:status AS varchar) IS NULL OR status = :status)
                        ORDER BY requested_at DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("party", party)
                .param("requestedBy", requestedBy)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(ProductRequestRepository::read)
                .list();
    }

    private static ProductRequest read(ResultSet rs, int row) throws SQLException {
        var decidedAt = rs.getTimestamp("decided_at");
        return new ProductRequest(
                rs.getString("id"),
                rs.getObject("party_id", UUID.class),
                rs.getString("account_id"),
                rs.getString("product_id"),
                rs.getString("experience_id"),
                rs.getString("justification"),
                ProductRequest.Status.valueOf(rs.getString("status")),
                rs.getObject("requested_by", UUID.class),
                rs.getString("requested_by_name"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by_name"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("comment"),
                rs.getString("change_set_id"));
    }
}
