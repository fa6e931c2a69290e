/**
 * Change sets: the asynchronous write path of the Catalog API (revisions, entity locks, ClientRequestToken idempotency, $ChangeName references, per-change errors), dispatching each change to the module that owns the entity.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Change sets",
        allowedDependencies = {"platform", "parties"})
@NullMarked
package io.offerdesk.changesets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
