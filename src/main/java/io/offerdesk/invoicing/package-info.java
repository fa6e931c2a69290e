/**
 * Invoicing: charges, invoices, credit memos, collections and dunning, posted to the ledger in the same transaction.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Invoicing",
        allowedDependencies = {"platform", "parties", "ledger"})
@NullMarked
package io.offerdesk.invoicing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
