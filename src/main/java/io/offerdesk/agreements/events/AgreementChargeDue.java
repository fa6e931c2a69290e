package io.offerdesk.agreements.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A charge of an agreement fell due and is to be invoiced: on acceptance, at 00:00 UTC of an installment's date, or at
 * the start of a billing period. Published once per charge.
 */
public record AgreementChargeDue(
        String agreementId,
        String offerId,
        String productId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String acceptorAccountId,
        ChargeLine charge,
        Instant occurredAt) {}
