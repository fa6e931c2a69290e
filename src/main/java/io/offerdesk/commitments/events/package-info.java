/** Facts about spend commitments and cost centers, published for other modules and the audit trail. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.commitments.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
