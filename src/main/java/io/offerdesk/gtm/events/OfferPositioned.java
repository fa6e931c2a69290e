package io.offerdesk.gtm.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The party's deal strategy placed a released offer: the buyer segment it serves and its discount against the list
 * price. Published once per released offer, so that analytics can group outcomes by segment and discount.
 *
 * @param partyId the seller or channel partner whose offer it is
 * @param segment the name of the first segment rule the offer matched; absent when none did
 * @param discountPercent the highest discount against the product's list price; absent when the offer sets no price
 *     that compares to one
 */
public record OfferPositioned(
        String offerId,
        UUID partyId,
        @Nullable String segment,
        @Nullable BigDecimal discountPercent,
        Instant occurredAt) {}
