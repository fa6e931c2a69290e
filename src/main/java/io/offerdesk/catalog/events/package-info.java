/** Facts about products, their public offers and the standard contracts, for other modules and the audit trail. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.catalog.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
