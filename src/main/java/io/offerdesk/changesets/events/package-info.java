/** What happened to change sets, for the audit trail and for other modules. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.changesets.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
