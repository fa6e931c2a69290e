package io.offerdesk.disbursement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The listing fee of an agreement, fixed when it was accepted from the schedule version then in force. The fee is
 * charged on what the ISV (publisher) is paid for each collection: the seller's net share of a direct line, the
 * wholesale share of a resold one. A channel partner's markup bears no fee.
 *
 * @param scheduleId the schedule version the rate came from
 * @param baseRatePercent the schedule's rate for {@code basis}
 * @param cppoUpliftPercent added for a channel partner private offer, zero otherwise
 * @param ratePercent base plus uplift: what is charged
 * @param contractValue the total contract value the tier was chosen by: the ISV's (wholesale) one for a resold offer
 * @param sellerPartyId the seller of record (the channel partner of a resold offer)
 * @param publisherPartyId the ISV that pays the fee
 */
public record AgreementFee(
        String agreementId,
        String scheduleId,
        FeeBasis basis,
        BigDecimal baseRatePercent,
        BigDecimal cppoUpliftPercent,
        BigDecimal ratePercent,
        BigDecimal contractValue,
        String currencyCode,
        boolean resale,
        UUID sellerPartyId,
        UUID publisherPartyId,
        Instant fixedAt) {}
