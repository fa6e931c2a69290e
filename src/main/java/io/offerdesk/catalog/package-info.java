/**
 * Catalog: what sellers (ISVs) sell. A product has a type (SaaS, AMI, container, machine learning, professional
 * services, data), priced dimensions (entitled units bought by contract, metered units paid by usage), the delivery
 * option its type calls for, a visibility (limited while it is being built, public, or restricted to existing
 * customers) and an optional public offer with list prices. Private offers override these list prices; they never
 * change them.
 *
 * <p>The catalog also keeps the marketplace's standard contracts (the standard EULA), whose versions the operator
 * publishes and never changes.
 *
 * <p>A seller sees only its own products, the operator sees all; anyone else is told a product does not exist.
 */
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"platform", "parties"})
@NullMarked
package io.offerdesk.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
