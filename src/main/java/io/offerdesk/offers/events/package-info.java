/** Facts about offers and their documents, for the audit trail and for later modules (agreements, analytics). */
@NamedInterface("events")
@NullMarked
package io.offerdesk.offers.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
