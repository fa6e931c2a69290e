/**
 * The shared kernel: value types every module speaks (accounts, actors, money helpers, audited events). Plain Java;
 * it depends on no other module and on no framework.
 */
@ApplicationModule(
        displayName = "Shared kernel",
        allowedDependencies = {})
@NullMarked
package io.offerdesk.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
