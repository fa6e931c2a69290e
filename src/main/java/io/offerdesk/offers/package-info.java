/**
 * Offers: the priced proposals a seller makes for one of its catalog products, as AWS Marketplace's {@code Offer@1.0}
 * entity. An offer starts as a draft, collects its terms (pricing, legal, support, validity, payment schedule, variable
 * payments, net payment, renewal) and rules (targeting, availability) through change sets, and is released to its buyers. A private
 * offer targets named buyer accounts and expires at the end of its availability end date; setting a past date is how
 * a released offer is cancelled. After release only the name, the description, the availability and the validity
 * terms may change.
 *
 * <p>The module root holds what other modules read: {@link io.offerdesk.offers.Offer} with its
 * {@link io.offerdesk.offers.Term terms} and {@link io.offerdesk.offers.Rule rules}. Changes arrive through the
 * change-set engine; their shape is checked at once and their business rules while the change set is applied.
 */
@ApplicationModule(
        displayName = "Offers",
        allowedDependencies = {"platform", "parties", "catalog", "catalog :: events", "changesets"})
@NullMarked
package io.offerdesk.offers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
