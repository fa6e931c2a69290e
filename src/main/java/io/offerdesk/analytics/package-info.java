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
 * <p>Offer analytics for sellers and channel partners (ADR 0034): a read model in schema {@code analytics} built from
 * the offers', agreements' and GTM's events gives the offer funnel, win rate and time to accept by discount band,
 * segment, payment schedule, EULA type and path (SPO or CPPO), booked against billed, collected and disbursed (the
 * reconciliation figures), the renewal calendar and the strategy library of winning offer patterns.
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
            "offers :: events",
            "agreements :: events",
            "gtm :: events",
            "commitments"
        })
@NullMarked
package io.offerdesk.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
