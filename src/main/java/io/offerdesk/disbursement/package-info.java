/**
 * Disbursement: the listing-fee schedule, the revenue split between seller, partner and marketplace, and disbursement runs.
 *
 * <p>Disbursements (ADR 0020, {@code internal.payout}): payees' preferences, the run that pays each positive payable
 * balance on its payee's day, failed transfers and their retries, and the report of what each disbursement covers. The
 * module reads money facts only from the ledger, so that {@code invoicing} may depend on it.
 *
 * <p>Listing fees (ADR 0019): the operator's effective-dated schedule, and the fee each agreement gets at acceptance
 * ({@link io.offerdesk.disbursement.ListingFees}), which invoicing's collection split charges on the ISV's share.
 */
@ApplicationModule(
        displayName = "Disbursement",
        allowedDependencies = {"platform", "parties", "ledger", "catalog", "agreements :: events"})
@NullMarked
package io.offerdesk.disbursement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
