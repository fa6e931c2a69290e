/**
 * Governance: buyer private marketplaces. A buyer organization's administrators build experiences (approved
 * products, audience, procurement policy, branding) through the change-set engine; {@link
 * io.offerdesk.governance.PrivateMarketplace} tells acceptance whether an account may buy a product; users ask for
 * products the administrators then approve or decline.
 */
@ApplicationModule(
        displayName = "Private marketplace",
        allowedDependencies = {"platform", "parties", "catalog", "changesets", "offers"})
@NullMarked
package io.offerdesk.governance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
