/**
 * Governance: buyer private marketplaces (experiences, audiences, procurement policies) and product requests.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Private marketplace",
        allowedDependencies = {"platform", "parties", "catalog"})
@NullMarked
package io.offerdesk.governance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
