/**
 * Change sets: the asynchronous, all-or-nothing write path of the Catalog API. A change set of 1–20 changes is
 * checked at once (shape, ownership, revisions, client request token, the open-set quota) and answered in
 * {@code PREPARING}; a worker then applies every change in one transaction through the {@link
 * io.offerdesk.changesets.ChangeHandler} of the module that owns the entity, or none of them, and records the
 * outcome with each change's errors. Entities named by an unfinished change set are locked against other change sets.
 */
@ApplicationModule(
        displayName = "Change sets",
        allowedDependencies = {"platform", "parties"})
@NullMarked
package io.offerdesk.changesets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
