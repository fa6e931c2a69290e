/**
 * Analytics: read models and reports built from events: funnel, win rate, time to accept, discount bands, revenue, EDP contribution.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"platform"})
@NullMarked
package io.offerdesk.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
