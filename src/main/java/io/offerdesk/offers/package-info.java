/**
 * Offers: private and public offers with their terms (pricing, legal, support, validity, payment schedule, net payment, renewal) and rules (targeting, availability), release, expiry and replacement.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Offers",
        allowedDependencies = {"platform", "parties", "catalog"})
@NullMarked
package io.offerdesk.offers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
