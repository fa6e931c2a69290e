package io.offerdesk.agreements.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A charge of an agreement fell due and is to be invoiced: on acceptance, at 00:00 UTC of an installment's date, or at
 * the start of a billing period. Published once per charge, in the transaction that made it due.
 *
 * @param proposerPartyId the seller of record: the ISV, or the channel partner of a resold offer
 * @param publisherPartyId the product's owner (ISV); the proposer itself for a direct offer
 * @param billingAccountId the account the charge is invoiced to: the organization's billing account at acceptance, else
 *     the accepting account
 * @param netPaymentDays the days to pay that the offer's net payment term grants; absent when it has none
 */
public record AgreementChargeDue(
        String agreementId,
        String offerId,
        String productId,
        UUID proposerPartyId,
        UUID publisherPartyId,
        UUID acceptorPartyId,
        String acceptorAccountId,
        String billingAccountId,
        @Nullable Integer netPaymentDays,
        ChargeLine charge,
        Instant occurredAt) {}
