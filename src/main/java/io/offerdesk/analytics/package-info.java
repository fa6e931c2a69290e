/**
 * Analytics: reports across the modules that own the facts. Reconciliation and reports (ADR 0022): billed, credited,
 * collected, listing fees, clawbacks and disbursed per seller, partner, product and month with the tie-out against
 * each payee's payable balance in the ledger; fee statements; the operator's marketplace fee revenue. They are
 * computed when read, from invoicing's {@link io.offerdesk.invoicing.SettlementFacts}, disbursement's
 * {@link io.offerdesk.disbursement.PayoutFacts} and the ledger, in one database snapshot, so that they reconcile
 * exactly at any instant.
 *
 * <p>Procurement insights for buyers: spend by product, seller, cost center and month, agreements ending soon,
 * private offers expiring soon, computed when read from invoicing, commitments' cost centers, agreements and offers.
 *
 * <p>Funnel, win rate, time to accept, discount bands and EDP contribution arrive with their issue.
 */
@ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {
            "platform",
            "parties",
            "catalog",
            "ledger",
            "invoicing",
            "disbursement",
            "agreements",
            "offers",
            "commitments"
        })
@NullMarked
package io.offerdesk.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
