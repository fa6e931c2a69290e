/**
 * Invoicing: the marketplace bills buyers as merchant of record. Charges that fall due in an agreement, and usage
 * charges that metering rated, are taken in (in the transaction that made them due), invoicing runs put them on
 * invoices (one per buyer account, seller of record, currency and date), collections record what buyers pay, and billing adjustments issue credit memos and
 * refunds. Every money movement is posted to the ledger in the same transaction. Buyers and sellers read their
 * invoices, receivables and billed revenue here too (the finance pages name products from the catalog).
 */
@ApplicationModule(
        displayName = "Invoicing",
        allowedDependencies = {
            "platform",
            "parties",
            "catalog",
            "ledger",
            "agreements",
            "agreements :: events",
            "metering :: events",
            "disbursement"
        })
@NullMarked
package io.offerdesk.invoicing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
