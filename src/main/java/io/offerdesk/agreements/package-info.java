/**
 * Agreements: quotes (agreement requests), acceptance, agreements with their accepted terms and charges, entitlements,
 * renewals, replacements and cancellations. Other modules learn about agreements from the events in
 * {@code agreements.events}, which carry the whole accepted-terms snapshot.
 */
@ApplicationModule(
        displayName = "Agreements",
        allowedDependencies = {"platform", "parties", "catalog", "offers", "governance"})
@NullMarked
package io.offerdesk.agreements;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
