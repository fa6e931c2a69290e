package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The seller chose the price increase of an agreement's next renewal within the renewal term's percentage range.
 *
 * @param priceIncrease the chosen increase in percent
 */
public record AgreementRenewalPriceAdjusted(
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        BigDecimal priceIncrease,
        Actor actor,
        Instant occurredAt)
        implements AgreementEvent {

    @Override
    public String ownerPartyId() {
        return proposerPartyId.toString();
    }
}
