package io.offerdesk.offers.internal;

import java.sql.Timestamp;
import java.time.Instant;
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

    /** Records the account's first view; false if it had viewed the offer before. */
    public boolean recordFirst(
            String offerId, String buyerAccount, UUID sellerPartyId, Instant viewedAt, @Nullable UUID viewedBy) {
        return jdbc.sql("""
                        INSERT INTO offers.offer_view (offer_id, buyer_account, seller_party_id, viewed_at, viewed_by)
                        VALUES (:offer, :account, :seller, :at, :by)
                        ON CONFLICT (offer_id, buyer_account) DO NOTHING
                        """)
                        .param("offer", offerId)
                        .param("account", buyerAccount)
                        .param("seller", sellerPartyId)
                        .param("at", Timestamp.from(viewedAt))
                        .param("by", viewedBy)
                        .update()
                == 1;
    }
}
