/**
 * Commitments: buyer spend commitments (EDP). A buyer organization records its commitment contracts; eligible invoice
 * lines draw them down by invoice date up to the marketplace share cap, milestones raise alerts, future charges are
 * forecast into the contract years, and the buyer may show its remaining headroom to a seller.
 *
 * <p>Cost centers ({@link io.offerdesk.commitments.CostCenters}): a buyer organization's finance team defines cost
 * centers, assigns agreements to them and maps usage allocation tags to them; the monthly chargeback puts every line
 * of the month's invoices on one cost center (ADR 0025).
 *
 * <p>For the sellers' analytics, {@link io.offerdesk.commitments.CommitmentContributions} tells how much of the spend
 * billed on given agreements counted toward the buyers' commitments (ADR 0034).
 */
@ApplicationModule(
        displayName = "Spend commitments",
        allowedDependencies = {
            "platform",
            "parties",
            "ledger",
            "catalog",
            "offers",
            "agreements",
            "invoicing",
            "invoicing :: events"
        })
@NullMarked
package io.offerdesk.commitments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
