/**
 * GTM automation: template library, approval workflows, CRM sync, bulk creation, reminders and the renewal engine.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "GTM automation",
        allowedDependencies = {"platform", "parties", "catalog"})
@NullMarked
package io.offerdesk.gtm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
