/**
 * Commitments: buyer spend commitments (EDP), eligible spend drawdown by invoice, caps, forecasts, cost centers and chargeback.
 *
 * <p>Cost centers ({@link io.offerdesk.commitments.CostCenters}): a buyer organization's finance team defines cost
 * centers, assigns agreements to them and maps usage allocation tags to them; the monthly chargeback puts every line
 * of the month's invoices on one cost center (ADR 0025).
 */
@ApplicationModule(
        displayName = "Spend commitments",
        allowedDependencies = {"platform", "parties", "ledger", "agreements", "invoicing"})
@NullMarked
package io.offerdesk.commitments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
