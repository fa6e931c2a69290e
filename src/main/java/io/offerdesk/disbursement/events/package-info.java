/** What happened in disbursement, for other modules and the audit trail: listing-fee schedule changes. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.disbursement.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
