/**
 * Disbursement: the listing-fee schedule, the revenue split between seller, partner and marketplace, and disbursement runs.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Disbursement",
        allowedDependencies = {"platform", "parties", "ledger"})
@NullMarked
package io.offerdesk.disbursement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
