package io.offerdesk.gtm.internal.strategy.domain;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What the segment rules look at in an offer.
 *
 * @param buyers the buyer organizations (parties) holding the accounts the offer targets
 * @param discountPercent the offer's highest discount against the list price; absent when no price compares to one
 * @param contractValue the offer's total contract value; absent when it sets none (yet)
 */
public record Deal(
        Set<UUID> buyers,
        @Nullable BigDecimal discountPercent,
        @Nullable Money contractValue) {

    public Deal {
        buyers = Set.copyOf(buyers);
    }
}
