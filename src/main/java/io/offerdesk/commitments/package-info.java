/**
 * Commitments: buyer spend commitments (EDP), eligible spend drawdown by invoice, caps, forecasts, cost centers and chargeback.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Spend commitments",
        allowedDependencies = {"platform", "parties", "ledger"})
@NullMarked
package io.offerdesk.commitments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
