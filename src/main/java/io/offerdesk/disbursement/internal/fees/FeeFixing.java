package io.offerdesk.disbursement.internal.fees;

import io.offerdesk.agreements.events.AgreementAccepted;
import io.offerdesk.agreements.events.ChargeLine;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.disbursement.AgreementFee;
import io.offerdesk.disbursement.internal.fees.domain.FeeRules;
import java.math.BigDecimal;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fixes an agreement's listing fee when it is accepted, synchronously in the acceptance transaction (as invoicing's
 * charge intake is): an agreement never exists without its fee, and the schedule version in force at acceptance
 * decides it for good; a later version applies to agreements accepted later.
 */
@Component
class FeeFixing {

    private final FeeScheduleRepository schedules;
    private final AgreementFees fees;
    private final CatalogManagement catalog;

    FeeFixing(FeeScheduleRepository schedules, AgreementFees fees, CatalogManagement catalog) {
        this.schedules = schedules;
        this.fees = fees;
        this.catalog = catalog;
    }

    @EventListener
    void on(AgreementAccepted accepted) {
        var schedule = schedules
                .inForce(accepted.acceptanceTime())
                .orElseThrow(() ->
                        new IllegalStateException("No listing-fee schedule in force at " + accepted.acceptanceTime()));
        var publisher =
                catalog.find(new ProductId(accepted.productId())).orElseThrow().sellerPartyId();
        // The channel partner proposes a resold offer; the fee is the ISV's, on its wholesale price.
        boolean resale = !publisher.equals(accepted.proposerPartyId());
        var contractValue = resale
                ? accepted.charges().stream()
                        .map(ChargeLine::wholesaleAmount)
                        .filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                : accepted.agreementValue();
        // A renewal or a replacement (an expansion, an upsell) follows an earlier agreement of the buyer (ref. §6.1).
        boolean renewal = accepted.renewedAgreementId() != null || accepted.replacedAgreementId() != null;
        var terms =
                FeeRules.terms(schedule, new FeeRules.Accepted(accepted.productType(), contractValue, renewal, resale));
        fees.fix(new AgreementFee(
                accepted.agreementId(),
                schedule.id(),
                terms.basis(),
                terms.baseRate(),
                terms.cppoUplift(),
                terms.rate(),
                contractValue,
                accepted.currencyCode(),
                resale,
                accepted.proposerPartyId(),
                publisher,
                accepted.occurredAt()));
    }
}
