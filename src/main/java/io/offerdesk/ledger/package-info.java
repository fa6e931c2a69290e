/**
 * Ledger: the double-entry journal every money movement of the marketplace is written to. An entry is a list of
 * postings, each a debit and a credit of the same amount between two accounts of one currency, so an entry balances
 * per currency by construction. Entries are append-only (a correction is a reversal), carry the caller's idempotency
 * key and a reason code, and are posted in the caller's transaction. Balances are sums of postings; no row is updated
 * per posting. The ledger knows parties only as ids: it depends on nothing.
 */
@ApplicationModule(
        displayName = "Ledger",
        allowedDependencies = {})
@NullMarked
package io.offerdesk.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
