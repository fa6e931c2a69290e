package io.offerdesk.offers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** First views of private offers, one per offer and buyer account. */
@Repository
public class OfferViewRepository {

    private final JdbcClient jdbc;

    OfferViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the first view of each of the accounts, in one statement; returns those that had not viewed the offer
     * before. A user who acts for many of an offer's accounts views it for each of them at once.
     */
    public Set<String> recordFirst(
            String offerId, List<String> buyerAccounts, UUID sellerPartyId, Instant viewedAt, @Nullable UUID viewedBy) {
        if (buyerAccounts.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO offers.offer_view (offer_id, buyer_account, seller_party_id, viewed_at, viewed_by)
                        SELECT :offer, a.account, :seller, :at, :by
                        FROM unnest(CAST(:accounts AS varchar[])) WITH ORDINALITY AS a(account, position)
                        ORDER BY a.position
                        ON CONFLICT (offer_id, buyer_account) DO NOTHING
                        RETURNING buyer_account
                        """)
                .param("offer", offerId)
                .param("accounts", buyerAccounts.toArray(String[]::new))
                .param("seller", sellerPartyId)
                .param("at", Timestamp.from(viewedAt))
                .param("by", viewedBy)
                .query(String.class)
                .list());
    }
}
