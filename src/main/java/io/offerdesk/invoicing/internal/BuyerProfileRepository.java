package io.offerdesk.invoicing.internal;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Buyers' billing profiles: country and default days to pay. A buyer without a row has neither set. */
@Repository
class BuyerProfileRepository {

    private final JdbcClient jdbc;

    BuyerProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BillingProfile> find(UUID buyerPartyId) {
        return findAll(java.util.List.of(buyerPartyId)).values().stream().findFirst();
    }

    Map<UUID, BillingProfile> findAll(Collection<UUID> buyerPartyIds) {
        var found = new HashMap<UUID, BillingProfile>();
        jdbc.sql("""
                        SELECT buyer_party_id, country, default_net_payment_days, updated_at
                        FROM invoicing.buyer_profile WHERE buyer_party_id = ANY(?::uuid[])
                        """)
                .param(buyerPartyIds.toArray(UUID[]::new))
                .query((rs, n) -> found.put(
                        rs.getObject(1, UUID.class),
                        new BillingProfile(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getObject(3, Integer.class),
                                rs.getTimestamp(4).toInstant())))
                .list();
        return found;
    }

    void save(BillingProfile profile) {
        jdbc.sql("""
                        INSERT INTO invoicing.buyer_profile (buyer_party_id, country, default_net_payment_days, updated_at)
                        VALUES (:buyer, :country, :days, :at)
                        ON CONFLICT (buyer_party_id) DO UPDATE SET country = excluded.country,
                            default_net_payment_days = excluded.default_net_payment_days, updated_at = excluded.updated_at
                        """)
                .param("buyer", profile.buyerPartyId())
                .param("country", profile.country())
                .param("days", profile.defaultNetPaymentDays())
                .param("at", Timestamp.from(java.util.Objects.requireNonNull(profile.updatedAt())))
                .update();
    }
}
