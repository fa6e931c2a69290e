package io.offerdesk.agreements.internal.domain;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.EntitlementStatus;
import io.offerdesk.agreements.EntitlementStatusReason;
import io.offerdesk.agreements.EntitlementValue;
import io.offerdesk.agreements.EntitlementValue.IntegerValue;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.offers.Term;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What accepted terms entitle a buyer to, dimension by dimension, and which status an agreement's entitlements have at
 * an instant. A dimension bought up front is entitled for its granted quantity (a grant without a quantity is
 * unlimited); a dimension paid by use is entitled without a limit, since the buyer pays for what they use.
 */
public final class EntitlementGrants {

    private EntitlementGrants() {}

    /** One entitled dimension and the term that granted it. */
    public record Granted(String dimensionKey, String type, EntitlementValue value) {}

    /** The status and its reason. */
    public record Provisioning(EntitlementStatus status, EntitlementStatusReason reason) {}

    /**
     * The entitled dimensions, each once. When a dimension is both bought up front and paid by use (a contract with
     * consumption), the upfront grant is the entitlement: usage beyond it is billed, not refused.
     */
    public static List<Granted> of(List<AcceptedTerm> terms) {
        Map<String, Granted> granted = new LinkedHashMap<>();
        for (var accepted : terms) {
            switch (accepted.term()) {
                case Term.FixedUpfrontPricingTerm fixed -> grants(granted, fixed.type(), fixed.grants());
                case Term.FreeTrialPricingTerm trial -> grants(granted, trial.type(), trial.grants());
                case Term.ConfigurableUpfrontPricingTerm configurable -> {
                    if (accepted.configuration() instanceof ContractConfiguration contract) {
                        contract.dimensions()
                                .forEach(d -> granted.putIfAbsent(
                                        d.dimensionKey(),
                                        new Granted(
                                                d.dimensionKey(),
                                                configurable.type(),
                                                new IntegerValue(d.dimensionValue()))));
                    }
                }
                default -> {}
            }
        }
        for (var accepted : terms) {
            if (accepted.term() instanceof Term.UsageBasedPricingTerm usage) {
                usage.rateCards().stream()
                        .flatMap(card -> card.rateCard().stream())
                        .forEach(rate -> granted.putIfAbsent(
                                rate.dimensionKey(),
                                new Granted(rate.dimensionKey(), usage.type(), EntitlementValue.UNLIMITED)));
            }
        }
        return new ArrayList<>(granted.values());
    }

    private static void grants(Map<String, Granted> granted, String type, List<Term.Grant> grants) {
        for (var grant : grants) {
            var max = grant.maxQuantity();
            granted.putIfAbsent(
                    grant.dimensionKey(),
                    new Granted(
                            grant.dimensionKey(),
                            type,
                            max == null ? EntitlementValue.UNLIMITED : new IntegerValue(max)));
        }
    }

    /**
     * The status of an agreement's entitlements at {@code now}: scheduled before a future start, provisioned while it
     * runs, deprovisioned once it is no longer active or past its end.
     */
    public static Provisioning statusAt(boolean active, Instant start, @Nullable Instant end, Instant now) {
        if (!active || (end != null && !end.isAfter(now))) {
            return new Provisioning(EntitlementStatus.DEPROVISIONED, EntitlementStatusReason.AGREEMENT_INACTIVE);
        }
        if (start.isAfter(now)) {
            return new Provisioning(EntitlementStatus.SCHEDULED, EntitlementStatusReason.FUTURE_START_DATE);
        }
        return new Provisioning(EntitlementStatus.PROVISIONED, EntitlementStatusReason.AGREEMENT_ACTIVE);
    }
}
