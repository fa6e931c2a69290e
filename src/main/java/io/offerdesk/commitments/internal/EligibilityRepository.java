package io.offerdesk.commitments.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's product eligibility flags; a product without one is eligible. */
@Repository
class EligibilityRepository {

    /** A flag the operator set. */
    record Flag(
            String productId, boolean eligible, @Nullable String note, Instant changedAt, String changedBy) {}

    private final JdbcClient jdbc;

    EligibilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean eligible(String productId) {
        return !ineligible(List.of(productId)).contains(productId);
    }

    /** Those of the products the operator flagged ineligible, in one query; every other one is eligible. */
    Set<String> ineligible(Collection<String> productIds) {
        return flags(productIds).values().stream()
                .filter(flag -> !flag.eligible())
                .map(Flag::productId)
                .collect(Collectors.toSet());
    }

    /** The flags set for the products; products without one are left out. */
    Map<String, Flag> flags(Collection<String> productIds) {
        var flags = new HashMap<String, Flag>();
        if (productIds.isEmpty()) {
            return flags;
        }
        jdbc.sql("""
                SELECT product_id, eligible, note, changed_at, changed_by FROM commitments.product_eligibility
                WHERE product_id IN (:ids)
                """).param("ids", productIds).query(rs -> {
            flags.put(
                    rs.getString("product_id"),
                    new Flag(
                            rs.getString("product_id"),
                            rs.getBoolean("eligible"),
                            rs.getString("note"),
                            rs.getTimestamp("changed_at").toInstant(),
                            rs.getString("changed_by")));
        });
        return flags;
    }

    void set(String productId, boolean eligible, @Nullable String note, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO commitments.product_eligibility (product_id, eligible, note, changed_at, changed_by)
                VALUES (:id, :eligible, :note, :at, :by)
                ON CONFLICT (product_id) DO UPDATE
                SET eligible = EXCLUDED.eligible, note = EXCLUDED.note, changed_at = EXCLUDED.changed_at,
                    changed_by = EXCLUDED.changed_by
                """)
                .param("id", productId)
                .param("eligible", eligible)
                .param("note", note)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }
}
