package io.offerdesk.commitments.internal.costcenters;

import io.offerdesk.commitments.CostCenter;
import io.offerdesk.commitments.CostCenterAssignment;
import io.offerdesk.commitments.CostCenterTagMapping;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cost centers, agreement assignments and tag mappings; every statement carries the owning party. */
@Repository
public class CostCenterRepository {

    private static final String COLUMNS = "SELECT id, party_id, code, name, created_at FROM commitments.cost_center ";

    private final JdbcClient jdbc;

    CostCenterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CostCenter costCenter) {
        jdbc.sql("""
                        INSERT INTO commitments.cost_center (id, party_id, code, name, created_at)
                        VALUES (:id, :party, :code, :name, :createdAt)
                        """)
                .param("id", costCenter.id())
                .param("party", costCenter.partyId())
                .param("code", costCenter.code())
                .param("name", costCenter.name())
                .param("createdAt", Timestamp.from(costCenter.createdAt()))
                .update();
    }

    public void rename(UUID partyId, String id, String code, String name) {
        jdbc.sql("UPDATE commitments.cost_center SET code = :code, name = :name WHERE id = :id AND party_id = :party")
                .param("code", code)
                .param("name", name)
                .param("id", id)
                .param("party", partyId)
                .update();
    }

    public List<CostCenter> all(UUID partyId) {
        return jdbc.sql(COLUMNS + "WHERE party_id = :party ORDER BY lower(code)")
                .param("party", partyId)
                .query(CostCenterRepository::costCenter)
                .list();
    }

    public Optional<CostCenter> find(UUID partyId, String id) {
        return jdbc.sql(COLUMNS + "WHERE party_id = :party AND id = :id")
                .param("party", partyId)
                .param("id", id)
                .query(CostCenterRepository::costCenter)
                .optional();
    }

    public Optional<CostCenter> findByCode(UUID partyId, String code) {
        return jdbc.sql(COLUMNS + "WHERE party_id = :party AND lower(code) = lower(:code)")
                .param("party", partyId)
                .param("code", code)
                .query(CostCenterRepository::costCenter)
                .optional();
    }

    /** Assigns the agreement to the cost center, or to none when {@code costCenterId} is absent. */
    public void assign(UUID partyId, String agreementId, @Nullable String costCenterId) {
        if (costCenterId == null) {
            jdbc.sql(
                            "DELETE FROM commitments.cost_center_agreement WHERE party_id = :party AND agreement_id = :agreement")
                    .param("party", partyId)
                    .param("agreement", agreementId)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO commitments.cost_center_agreement (party_id, agreement_id, cost_center_id)
                        VALUES (:party, :agreement, :costCenter)
                        ON CONFLICT (party_id, agreement_id) DO UPDATE SET cost_center_id = EXCLUDED.cost_center_id
                        """)
                .param("party", partyId)
                .param("agreement", agreementId)
                .param("costCenter", costCenterId)
                .update();
    }

    public List<CostCenterAssignment> assignments(UUID partyId) {
        return jdbc.sql("""
                        SELECT agreement_id, cost_center_id FROM commitments.cost_center_agreement
                        WHERE party_id = :party ORDER BY agreement_id
                        """)
                .param("party", partyId)
                .query((rs, n) -> new CostCenterAssignment(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Maps the tag to the cost center, or removes its mapping when {@code costCenterId} is absent. */
    public void map(UUID partyId, String key, String value, @Nullable String costCenterId) {
        if (costCenterId == null) {
            jdbc.sql("""
                            DELETE FROM commitments.cost_center_tag
                            WHERE party_id = :party AND tag_key = :key AND tag_value = :value
                            """)
                    .param("party", partyId)
                    .param("key", key)
                    .param("value", value)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO commitments.cost_center_tag (party_id, tag_key, tag_value, cost_center_id)
                        VALUES (:party, :key, :value, :costCenter)
                        ON CONFLICT (party_id, tag_key, tag_value) DO UPDATE SET cost_center_id = EXCLUDED.cost_center_id
                        """)
                .param("party", partyId)
                .param("key", key)
                .param("value", value)
                .param("costCenter", costCenterId)
                .update();
    }

    public List<CostCenterTagMapping> mappings(UUID partyId) {
        return jdbc.sql("""
                        SELECT tag_key, tag_value, cost_center_id FROM commitments.cost_center_tag
                        WHERE party_id = :party ORDER BY tag_key, tag_value
                        """)
                .param("party", partyId)
                .query((rs, n) -> new CostCenterTagMapping(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static CostCenter costCenter(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CostCenter(
                rs.getString("id"),
                rs.getObject("party_id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
