/** Facts about buyers' private marketplaces, for the audit trail and for notifications. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.governance.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
