package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An agreement will renew automatically soon ({@code offerdesk.agreements.renewal-notice} ahead): both sides are told
 * when and at what price, while the buyer can still turn renewal off. Published once per agreement, so once per
 * renewal of a chain.
 *
 * @param renewalTime when the renewed agreement starts
 * @param priceIncrease the increase in percent the renewal applies, as it stands now
 * @param renewalValue the renewed agreement's value after the increase, in {@code currencyCode}
 */
public record AgreementRenewalUpcoming(
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String productId,
        Instant renewalTime,
        BigDecimal priceIncrease,
        String currencyCode,
        BigDecimal renewalValue,
        Actor actor,
        Instant occurredAt)
        implements AgreementEvent {

    @Override
    public String ownerPartyId() {
        return acceptorPartyId.toString();
    }
}
