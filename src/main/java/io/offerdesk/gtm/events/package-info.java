/** Events the GTM module publishes. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.gtm.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
