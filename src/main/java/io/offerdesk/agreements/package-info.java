/**
 * Agreements: quotes, acceptance, agreements with their accepted terms, entitlements, renewals, replacements and cancellations.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Agreements",
        allowedDependencies = {"platform", "parties", "catalog", "offers", "governance"})
@NullMarked
package io.offerdesk.agreements;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
