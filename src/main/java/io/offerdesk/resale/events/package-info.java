/** Facts about resale authorizations, for the audit trail and for later modules (notifications, analytics). */
@NamedInterface("events")
@NullMarked
package io.offerdesk.resale.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
