/**
 * Metering: usage records with BatchMeterUsage semantics, deduplication, allocations and rating into usage charges.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Metering",
        allowedDependencies = {"platform", "parties", "catalog"})
@NullMarked
package io.offerdesk.metering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
