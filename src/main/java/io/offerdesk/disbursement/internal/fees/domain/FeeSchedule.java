package io.offerdesk.disbursement.internal.fees.domain;

import io.offerdesk.disbursement.FeeBasis;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of the listing-fee schedule, in force from {@code effectiveFrom} until the next version's. Rates are
 * percents of the pre-tax amount the ISV is paid; thresholds are total contract values in the agreement's currency.
 *
 * @param publicRates the public-offer rate per catalog product type name
 */
// Serializable: a flash attribute across its page's redirect, kept in the database-backed session (ADR 0043).
public record FeeSchedule(
        String id,
        Instant effectiveFrom,
        BigDecimal lowerThreshold,
        BigDecimal upperThreshold,
        BigDecimal privateBelowLower,
        BigDecimal privateBelowUpper,
        BigDecimal privateFromUpper,
        BigDecimal renewal,
        BigDecimal cppoUplift,
        BigDecimal professionalServices,
        Map<String, BigDecimal> publicRates,
        Instant createdAt,
        String createdBy)
        implements Serializable {

    public FeeSchedule {
        publicRates = Map.copyOf(new TreeMap<>(publicRates));
    }

    /** The rate of a private offer's basis. */
    public BigDecimal rate(FeeBasis basis) {
        return switch (basis) {
            case PRIVATE_BELOW_LOWER -> privateBelowLower;
            case PRIVATE_BELOW_UPPER -> privateBelowUpper;
            case PRIVATE_FROM_UPPER -> privateFromUpper;
            case RENEWAL -> renewal;
            case PROFESSIONAL_SERVICES -> professionalServices;
        };
    }

    /** Every rate by name, as the audit trail records a version. */
    public Map<String, BigDecimal> rates() {
        var rates = new LinkedHashMap<String, BigDecimal>();
        rates.put("lowerThreshold", lowerThreshold);
        rates.put("upperThreshold", upperThreshold);
        rates.put("privateBelowLowerPercent", privateBelowLower);
        rates.put("privateBelowUpperPercent", privateBelowUpper);
        rates.put("privateFromUpperPercent", privateFromUpper);
        rates.put("renewalPercent", renewal);
        rates.put("cppoUpliftPercent", cppoUplift);
        rates.put("professionalServicesPercent", professionalServices);
        new TreeMap<>(publicRates).forEach((type, rate) -> rates.put("public." + type, rate));
        return rates;
    }
}
