/**
 * Resale: the resale authorizations an ISV grants a channel partner, and the rules a channel partner private offer (CPPO) must keep.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Resale authorizations",
        allowedDependencies = {"platform", "parties", "catalog"})
@NullMarked
package io.offerdesk.resale;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
