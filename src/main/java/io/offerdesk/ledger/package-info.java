/**
 * Ledger: the double-entry journal. Balanced, append-only entries with idempotency keys; it depends on nothing.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Ledger",
        allowedDependencies = {})
@NullMarked
package io.offerdesk.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
