package io.offerdesk.disbursement.internal.fees.domain;

import static java.util.Objects.requireNonNull;

import io.offerdesk.disbursement.FeeBasis;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The listing-fee rules of DESIGN §3 and reference §6.1: which rate an agreement gets, and what a version may hold. */
public final class FeeRules {

    /** Rates keep four decimals, as the agreement's fee does. */
    public static final int RATE_SCALE = 4;

    /** Thresholds are amounts with at most two decimals. */
    public static final int THRESHOLD_SCALE = 2;

    /** The catalog's product types, each of which has a public-offer rate. */
    public static final Set<String> PRODUCT_TYPES =
            Set.of("SAAS", "AMI", "CONTAINER", "MACHINE_LEARNING", "PROFESSIONAL_SERVICES", "DATA");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FeeRules() {}

    /** What decides an agreement's fee, as acceptance knows it. */
    public record Accepted(String productType, BigDecimal contractValue, boolean renewal, boolean resale) {}

    /** The fee an agreement gets from a schedule version. */
    public record Terms(FeeBasis basis, BigDecimal baseRate, BigDecimal cppoUplift, BigDecimal rate) {}

    /**
     * Professional services have their own rate; otherwise a renewal (or replacement) of an earlier agreement has the
     * renewal rate; otherwise the total contract value picks the tier. A channel partner private offer adds the CPPO
     * uplift to the ISV's rate.
     */
    public static Terms terms(FeeSchedule schedule, Accepted accepted) {
        FeeBasis basis;
        if (accepted.productType().equals("PROFESSIONAL_SERVICES")) {
            basis = FeeBasis.PROFESSIONAL_SERVICES;
        } else if (accepted.renewal()) {
            basis = FeeBasis.RENEWAL;
        } else if (accepted.contractValue().compareTo(schedule.lowerThreshold()) < 0) {
            basis = FeeBasis.PRIVATE_BELOW_LOWER;
        } else if (accepted.contractValue().compareTo(schedule.upperThreshold()) < 0) {
            basis = FeeBasis.PRIVATE_BELOW_UPPER;
        } else {
            basis = FeeBasis.PRIVATE_FROM_UPPER;
        }
        var base = schedule.rate(basis);
        var uplift = accepted.resale() ? schedule.cppoUplift() : BigDecimal.ZERO.setScale(RATE_SCALE);
        var rate = base.add(uplift).min(HUNDRED).setScale(RATE_SCALE);
        return new Terms(basis, base, uplift.setScale(RATE_SCALE), rate);
    }

    /** A version as the operator asks for it; any field may be missing. */
    public record Draft(
            @Nullable Instant effectiveFrom,
            @Nullable BigDecimal lowerThreshold,
            @Nullable BigDecimal upperThreshold,
            @Nullable BigDecimal privateBelowLowerPercent,
            @Nullable BigDecimal privateBelowUpperPercent,
            @Nullable BigDecimal privateFromUpperPercent,
            @Nullable BigDecimal renewalPercent,
            @Nullable BigDecimal cppoUpliftPercent,
            @Nullable BigDecimal professionalServicesPercent,
            @Nullable Map<String, BigDecimal> publicPercents) {}

    /**
     * Checks a draft: it must take effect from now on (what is in force, and what agreements took from it, stays as it
     * was); thresholds positive, the upper above the lower; every rate 0 to 100 with at most four decimals; a public
     * rate for every product type and no other.
     *
     * @throws InvalidInput naming every broken field
     */
    public static FeeSchedule check(Draft draft, String id, Instant now, String createdBy) {
        var violations = new ArrayList<FieldViolation>();
        if (draft.effectiveFrom() == null || draft.effectiveFrom().isBefore(now)) {
            violations.add(new FieldViolation("effectiveFrom", "fees.effectiveFrom.invalid", List.of()));
        }
        var lower = threshold("lowerThreshold", draft.lowerThreshold(), violations);
        var upper = threshold("upperThreshold", draft.upperThreshold(), violations);
        if (lower != null && upper != null && upper.compareTo(lower) <= 0) {
            violations.add(new FieldViolation("upperThreshold", "fees.upperThreshold.invalid", List.of()));
        }
        var belowLower = rate("privateBelowLowerPercent", draft.privateBelowLowerPercent(), violations);
        var belowUpper = rate("privateBelowUpperPercent", draft.privateBelowUpperPercent(), violations);
        var fromUpper = rate("privateFromUpperPercent", draft.privateFromUpperPercent(), violations);
        var renewal = rate("renewalPercent", draft.renewalPercent(), violations);
        var uplift = rate("cppoUpliftPercent", draft.cppoUpliftPercent(), violations);
        var services = rate("professionalServicesPercent", draft.professionalServicesPercent(), violations);
        var publicRates = new TreeMap<String, BigDecimal>();
        var given = draft.publicPercents() == null ? Map.<String, BigDecimal>of() : draft.publicPercents();
        for (var type : given.keySet()) {
            if (!PRODUCT_TYPES.contains(type)) {
                violations.add(new FieldViolation("publicPercents." + type, "fees.productType", List.of()));
            }
        }
        for (var type : PRODUCT_TYPES) {
            var rate = rate("publicPercents." + type, given.get(type), violations);
            if (rate != null) {
                publicRates.put(type, rate);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        // Every field was checked above: none is null any more.
        return new FeeSchedule(
                id,
                requireNonNull(draft.effectiveFrom()),
                requireNonNull(lower),
                requireNonNull(upper),
                requireNonNull(belowLower),
                requireNonNull(belowUpper),
                requireNonNull(fromUpper),
                requireNonNull(renewal),
                requireNonNull(uplift),
                requireNonNull(services),
                publicRates,
                now,
                createdBy);
    }

    private static @Nullable BigDecimal rate(
            String field, @Nullable BigDecimal percent, List<FieldViolation> violations) {
        if (percent == null
                || percent.signum() < 0
                || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > RATE_SCALE) {
            violations.add(new FieldViolation(field, "fees.rate", List.of(RATE_SCALE)));
            return null;
        }
        return percent.setScale(RATE_SCALE);
    }

    private static @Nullable BigDecimal threshold(
            String field, @Nullable BigDecimal amount, List<FieldViolation> violations) {
        if (amount == null
                || amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > THRESHOLD_SCALE) {
            violations.add(new FieldViolation(field, "fees.threshold", List.of(THRESHOLD_SCALE)));
            return null;
        }
        return amount.setScale(THRESHOLD_SCALE);
    }
}
