package io.offerdesk.analytics.internal.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the read model knows of one offer.
 *
 * @param partyId the seller of record: the ISV of a direct offer (SPO), the channel partner of a CPPO
 * @param publisherPartyId the ISV whose product it is; absent until the release was seen
 * @param acceptedAt the first acceptance by a buyer (automatic renewals are no acceptance)
 * @param expiredAt when its expiry passed
 * @param paymentSchedule a {@link PaymentSchedule} name; absent until the release was seen
 * @param eulaType {@code STANDARD} or {@code CUSTOM}
 * @param path {@code SPO} or {@code CPPO}
 * @param segment the deal strategy's segment; absent when it matched none or did not position the offer
 * @param discountPercent the discount against the list price; absent when unknown
 */
public record OfferOutcome(
        String offerId,
        UUID partyId,
        @Nullable UUID publisherPartyId,
        @Nullable String productId,
        @Nullable Instant draftedAt,
        @Nullable Instant releasedAt,
        @Nullable Instant firstViewedAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant expiredAt,
        @Nullable String paymentSchedule,
        @Nullable String eulaType,
        @Nullable String path,
        @Nullable String segment,
        @Nullable BigDecimal discountPercent) {

    /** The EULA types an offer's legal term gives. */
    public static final String STANDARD_EULA = "STANDARD";

    public static final String CUSTOM_EULA = "CUSTOM";

    /** The two paths to a buyer: the ISV's own private offer, or a channel partner's. */
    public static final String SPO = "SPO";

    public static final String CPPO = "CPPO";

    public boolean released() {
        return releasedAt != null;
    }

    /** A buyer accepted it. Accepting implies having seen it, so an accepted offer counts as viewed. */
    public boolean accepted() {
        return acceptedAt != null;
    }

    public boolean viewed() {
        return firstViewedAt != null || accepted();
    }

    /** Expired without a buyer accepting it: lost. An accepted offer still expires later; it stays won. */
    public boolean lost() {
        return expiredAt != null && acceptedAt == null;
    }

    /** Released and neither won nor lost yet. */
    public boolean open() {
        return released() && !accepted() && !lost();
    }
}
