package io.offerdesk.commitments.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sellers each buyer organization shows its remaining headroom to. */
@Repository
class ShareRepository {

    /** One share: the buyer organization shows its headroom to the seller. */
    record Share(UUID ownerPartyId, UUID sellerPartyId, Instant sharedAt, String sharedBy) {}

    private final JdbcClient jdbc;

    ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the share is new. */
    boolean share(UUID owner, UUID seller, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO commitments.headroom_share (owner_party_id, seller_party_id, shared_at, shared_by)
                        VALUES (:owner, :seller, :at, :by)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("owner", owner)
                        .param("seller", seller)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** True when there was a share to revoke. */
    boolean revoke(UUID owner, UUID seller) {
        return jdbc.sql(
                                "DELETE FROM commitments.headroom_share WHERE owner_party_id = :owner AND seller_party_id = :seller")
                        .param("owner", owner)
                        .param("seller", seller)
                        .update()
                == 1;
    }

    List<Share> byOwner(UUID owner) {
        return list("owner_party_id", owner);
    }

    List<Share> bySeller(UUID seller) {
        return list("seller_party_id", seller);
    }

    boolean shared(UUID owner, UUID seller) {
        return jdbc.sql("""
                        SELECT count(*) FROM commitments.headroom_share
                        WHERE owner_party_id = :owner AND seller_party_id = :seller
                        """)
                        .param("owner", owner)
                        .param("seller", seller)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private List<Share> list(String column, UUID party) {
        return jdbc.sql("""
                SELECT owner_party_id, seller_party_id, shared_at, shared_by FROM commitments.headroom_share
                WHERE %s = :party ORDER BY shared_at, owner_party_id, seller_party_id
                """.formatted(column))
                .param("party", party)
                .query((rs, n) -> new Share(
                        rs.getObject("owner_party_id", UUID.class),
                        rs.getObject("seller_party_id", UUID.class),
                        rs.getTimestamp("shared_at").toInstant(),
                        rs.getString("shared_by")))
                .list();
    }
}
